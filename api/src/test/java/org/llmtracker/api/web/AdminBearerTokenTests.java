package org.llmtracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the credentials of an Authorization header. */
class AdminBearerTokenTests {

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenDoNotCount() {
        assertThat(AdminBearerToken.presented("Bearer abc")).isEqualTo("abc");
        assertThat(AdminBearerToken.presented("bearer abc")).isEqualTo("abc");
        assertThat(AdminBearerToken.presented("BEARER   abc  ")).isEqualTo("abc");
    }

    @Test
    void otherSchemesAndEmptyCredentialsPresentNothing() {
        assertThat(AdminBearerToken.presented(null)).isNull();
        assertThat(AdminBearerToken.presented("Basic YWRtaW46YWRtaW4=")).isNull();
        assertThat(AdminBearerToken.presented("Bearer")).isNull();
        assertThat(AdminBearerToken.presented("Bearer    ")).isNull();
        assertThat(AdminBearerToken.presented("Bearerabc")).isNull();
    }

    @Test
    void noConfiguredTokenMeansNoAdmin() {
        assertThat(new AdminBearerToken("").configured()).isFalse();
        assertThat(new AdminBearerToken(null).configured()).isFalse();
        assertThat(new AdminBearerToken("t").configured()).isTrue();
    }
}
