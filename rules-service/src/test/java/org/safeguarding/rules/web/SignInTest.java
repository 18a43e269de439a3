package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class SignInTest {
    private static SignIn signIn(String issuer) {
        return new SignIn(new DevelopmentSignIn(Optional.empty(), "0.0.0.0", "https://safeguarding.local/dev", java.util.List.of("safeguarding-rules")), Optional.ofNullable(issuer), "safeguarding-pages", Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void keycloak_endpoints_are_derived_from_the_issuer() {
        Response response = signIn("https://login.example.org/realms/safeguarding/").settings();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((String) response.getEntity())
                .contains("\"issuer\":\"https://login.example.org/realms/safeguarding\"")
                .contains("\"authorizationEndpoint\":\"https://login.example.org/realms/safeguarding/protocol/openid-connect/auth\"")
                .contains("\"tokenEndpoint\":\"https://login.example.org/realms/safeguarding/protocol/openid-connect/token\"")
                .contains("\"clientId\":\"safeguarding-pages\"");
    }

    @Test
    void the_pages_may_connect_to_the_token_endpoint_and_nothing_else() {
        SignIn signIn = signIn("https://login.example.org/realms/safeguarding");
        assertThat(signIn.tokenOrigin()).contains("https://login.example.org");
        assertThat(signIn("http://127.0.0.1:8180/realms/x").tokenOrigin()).contains("http://127.0.0.1:8180");
        assertThat(signIn(null).tokenOrigin()).isEmpty();
        assertThat(signIn(null).settings().getStatus()).isEqualTo(404);
    }

    @Test
    void an_identity_provider_over_plain_http_is_refused_unless_on_this_machine() {
        assertThatThrownBy(() -> signIn("http://login.example.org/realms/safeguarding"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be https");
    }
}
