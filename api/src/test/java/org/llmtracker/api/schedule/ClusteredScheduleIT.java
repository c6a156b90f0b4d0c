package org.llmtracker.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two scheduler instances configured as the application configures clustered mode
 * ({@link ClusterScheduling} on Spring's DataSource job store) share one schedule in a real
 * PostgreSQL: every fire runs on exactly one of them, both take fires, and the schedule goes
 * on when one stops. The test drives the fires itself: a third scheduler on the same store, never
 * started (as an instance with the schedule off), puts "fire now" triggers into the shared schedule,
 * and the running instances compete for them as they would for a cron's. Needs PostgreSQL (see
 * docs/deployment.md); in CI its absence is a failure.
 */
class ClusteredScheduleIT {

    private static final Logger log = LoggerFactory.getLogger(ClusteredScheduleIT.class);

    static final String DATABASE = "llm_tracker_quartz_test";
    private static final List<String> JOBS = List.of("probe-1", "probe-2", "probe-3");
    private static final String SERVER = env("TRACKER_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/");
    private static final String USER = env("TRACKER_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("TRACKER_TEST_POSTGRES_PASSWORD", "postgres");

    private final Fires fires = new Fires();
    private HikariDataSource dataSource;
    private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

    @BeforeEach
    void freshQuartzDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                fail(why + " (CI must provide it: .ci/run starts it)");
            }
            Assumptions.abort(why + "; set TRACKER_TEST_POSTGRES_URL/_USER/_PASSWORD to run this test");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + DATABASE);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : quartzTables()) {
                sql.execute(statement);
            }
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ClusteredScheduleIT::shutDown);
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void eachFireRunsOnExactlyOneInstanceAndTheScheduleSurvivesAnInstanceStopping() throws Exception {
        SchedulerFactoryBean a = node("node-a");
        SchedulerFactoryBean b = node("node-b");
        Scheduler driver = node("driver").getScheduler();
        for (String job : JOBS) {
            driver.addJob(JobBuilder.newJob(ProbeJob.class).withIdentity(job, CrawlSchedule.GROUP).storeDurably().build(), false);
        }
        a.start();
        b.start();

        int rounds = 0;
        while (fires.takenBy("node-a") < 2 || fires.takenBy("node-b") < 2) {
            assertThat(++rounds).as("rounds of fires until both instances took some").isLessThanOrEqualTo(40);
            fireEveryJob(driver);
        }
        log.info("Both instances took fires: node-a {}, node-b {} in {} rounds", fires.takenBy("node-a"),
                fires.takenBy("node-b"), rounds);

        stop(a);
        long stopped = fires.recorded();
        fireEveryJob(driver);
        fireEveryJob(driver);
        assertThat(fires.all()).filteredOn(f -> f.order() > stopped).hasSize(2 * JOBS.size())
                .allSatisfy(f -> assertThat(f.instance()).isEqualTo("node-b"))
                .extracting(Fire::job).containsAll(JOBS);

        Map<String, Long> perFire = fires.all().stream().collect(Collectors.groupingBy(Fire::trigger, Collectors.counting()));
        assertThat(perFire).as("fires by trigger").hasSize((rounds + 2) * JOBS.size())
                .allSatisfy((fire, times) -> assertThat(times).as(fire).isEqualTo(1L));
    }

    /** One fire of every job, put into the shared schedule to run now; returns once each has run somewhere. */
    private void fireEveryJob(Scheduler driver) throws SchedulerException {
        long before = fires.recorded();
        for (String job : JOBS) {
            driver.triggerJob(JobKey.jobKey(job, CrawlSchedule.GROUP));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> fires.recorded() >= before + JOBS.size());
    }

    private SchedulerFactoryBean node(String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        Properties properties = ClusterScheduling.quartzProperties();
        // Readable ids in the log; the application leaves this AUTO (host name and start time).
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // A fire stored by another scheduler is found at the next look at the store: look every
        // second (Quartz's least) instead of every 30 s, so each round of fires takes moments.
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        factory.setQuartzProperties(properties);
        factory.setDataSource(dataSource);
        factory.setSchedulerContextAsMap(Map.of(Fires.KEY, fires));
        factory.setAutoStartup(false);
        // Stopped the way an operator stops a node: fires already handed to a worker finish first.
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.setBeanName(instanceId);
        factory.afterPropertiesSet();
        nodes.add(factory);
        return factory;
    }

    private static void shutDown(SchedulerFactoryBean node) {
        try {
            node.destroy();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stop(SchedulerFactoryBean node) {
        try {
            if (node.isRunning()) {
                node.destroy();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> quartzTables() throws IOException {
        try (InputStream in = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
            return java.util.Arrays.stream(script.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                    .filter(s -> !s.equalsIgnoreCase("commit")).toList();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Records which instance took each fire. */
    @DisallowConcurrentExecution
    public static class ProbeJob implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            try {
                Fires fires = (Fires) context.getScheduler().getContext().get(Fires.KEY);
                String instance = context.getScheduler().getSchedulerInstanceId();
                String trigger = context.getTrigger().getKey().getName();
                fires.add(context.getJobDetail().getKey().getName(), trigger, instance);
                log.info("Fire {} of {} taken by instance {}", trigger, context.getJobDetail().getKey().getName(), instance);
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @param trigger the one-off trigger that fired (each fire has its own)
     * @param order   the fire's place among all fires recorded, 1 first: "after node-a stopped" without a clock
     */
    record Fire(String job, String trigger, String instance, long order) {
    }

    static final class Fires {
        static final String KEY = "fires";
        private final List<Fire> fires = Collections.synchronizedList(new ArrayList<>());

        void add(String job, String trigger, String instance) {
            synchronized (fires) {
                fires.add(new Fire(job, trigger, instance, fires.size() + 1));
            }
        }

        long recorded() {
            return fires.size();
        }

        List<Fire> all() {
            synchronized (fires) {
                return List.copyOf(fires);
            }
        }

        int takenBy(String instance) {
            return (int) all().stream().map(Fire::instance).filter(instance::equals).count();
        }
    }
}
