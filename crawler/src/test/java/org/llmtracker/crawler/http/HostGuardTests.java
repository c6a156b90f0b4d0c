package org.llmtracker.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HostGuardTests {

    private final HostGuard guard = new HostGuard(Set.of());

    @Test
    void refusesOtherSchemesAndInternalAddressesWithoutNamingTheAddress() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://1.1.1.1/x", "http://127.0.0.1:8080/",
                "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
                "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[::7f00:1]/", "http://[64:ff9b::a00:1]/",
                "http://[2002:7f00:1::]/", "http://[fe80::1]/", "http://192.0.0.8/", "http://224.0.0.1/"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url)
                    .isInstanceOf(HostGuard.RefusedUrlException.class)
                    .hasMessageContaining(url.startsWith("http") ? "non-public address" : "only http and https");
        }
        assertThatThrownBy(() -> guard.check("http://localhost:9/")).hasMessage(
                "http://localhost:9/: localhost resolves to a non-public address");
    }

    @Test
    void theEmbeddingIpv6FormsAreNotPublicWhateverTheyEmbed() throws Exception {
        for (String address : new String[] {"::1.1.1.1", "64:ff9b::101:101", "2002:101:101::1", "2001:0:4136:e378::1",
                "::ffff:1.1.1.1"}) {
            assertThat(HostGuard.isPublic(InetAddress.getByName(address))).as(address)
                    .isEqualTo(address.equals("::ffff:1.1.1.1")); // Java reads a mapped address as the IPv4 one
        }
        assertThat(HostGuard.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
    }

    @Test
    void theAllowListIsByHostAndPort() {
        HostGuard allowing = new HostGuard(Set.of("127.0.0.1:9999", "[::1]:8080"));

        assertThatCode(() -> allowing.check("http://127.0.0.1:9999/x")).doesNotThrowAnyException();
        assertThatCode(() -> allowing.check("http://[::1]:8080/x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.check("http://127.0.0.1:19004/")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> allowing.check("http://localhost:9999/")).as("another name is another host")
                .hasMessageContaining("non-public");
        assertThatCode(() -> guard.check("https://1.1.1.1/")).doesNotThrowAnyException();
    }

    @Test
    void aBareHostIsRefusedInConfiguration() {
        assertThatThrownBy(() -> new HostGuard(Set.of("localhost"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost:443");
    }

    @Test
    void theVettedAddressesAreTheOnlyOnesOkHttpGets() throws Exception {
        HostGuard.Vetted vetted = new HostGuard(Set.of("localhost:80")).check("http://localhost/");

        assertThat(vetted.dns().lookup("localhost")).isEqualTo(vetted.addresses()).allMatch(InetAddress::isLoopbackAddress);
        assertThatThrownBy(() -> vetted.dns().lookup("example.com")).hasMessageContaining("not vetted");
    }
}
