package org.llmtracker.api.schedule;

import java.util.Properties;

/**
 * Quartz settings for clustered mode (JDBC job store on PostgreSQL, several nodes, one
 * schedule). The application applies them when {@code spring.quartz.job-store-type=jdbc}, and
 * the cluster test configures its schedulers with the very same ones.
 */
public final class ClusterScheduling {

    /** Every node of one cluster must use the same scheduler name. */
    public static final String SCHEDULER_NAME = "llm-tracker";

    private ClusterScheduling() {
    }

    /** Defaults; {@code spring.quartz.properties.*} override any of them. */
    public static Properties quartzProperties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // A node that stops checking in for this long is presumed dead; its fires move to the others.
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
        // A fire more than a minute late counts as missed and follows the trigger's misfire instruction.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Row locks, so two nodes never acquire the same trigger.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        return p;
    }
}
