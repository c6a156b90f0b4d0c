package org.llmtracker.crawler.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HostGuardTests {

    private final HostGuard guard = new HostGuard(Set.of());

    @Test
    void refusesOtherSchemesAndInternalAddresses() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://1.1.1.1/x", "http://127.0.0.1:8080/",
                "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
                "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/",
                "http://0.0.0.0/"}) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url)
                    .isInstanceOf(HostGuard.RefusedUrlException.class).hasMessageStartingWith(url);
        }
    }

    @Test
    void letsPublicAddressesAndAllowedHostsThrough() {
        assertThatCode(() -> guard.check(URI.create("https://1.1.1.1/"))).doesNotThrowAnyException();
        assertThatCode(() -> new HostGuard(Set.of("127.0.0.1")).check(URI.create("http://127.0.0.1:9999/x")))
                .doesNotThrowAnyException();
    }
}
