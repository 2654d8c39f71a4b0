package org.innoreg.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.innoreg.chassis.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CallerTest {

    private static Caller caller(List<String> roles, List<String> regions) {
        Map<String, Object> claims = Map.of("sub", "tester", "regions", regions);
        JsonWebToken token =
                new JsonWebToken() {
                    @Override
                    public String getName() {
                        return "tester";
                    }

                    @Override
                    public Set<String> getClaimNames() {
                        return claims.keySet();
                    }

                    @SuppressWarnings("unchecked")
                    @Override
                    public <T> T getClaim(String name) {
                        return (T) claims.get(name);
                    }
                };
        return new Caller(
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(token)
                        .addRoles(Set.copyOf(roles))
                        .build());
    }

    @Test
    void aCityScopeCoversItsDistrictsOnly() {
        Caller changde = caller(List.of("registry-editor"), List.of("430700"));
        assertThat(changde.mayWrite("430703")).isTrue();
        assertThat(changde.mayWrite("430700")).isTrue();
        assertThat(changde.mayWrite("430400")).isFalse();
        assertThat(changde.mayWrite("430000")).isFalse();
        assertThatThrownBy(() -> changde.checkRegion("430400"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("430400")
                .hasMessageContaining("430700");
    }

    @Test
    void malformedScopesOpenNothingAndAdminsWriteEverywhere() {
        assertThat(
                        caller(List.of("registry-editor"), List.of("", "4", "43", "4307"))
                                .mayWrite("430703"))
                .isFalse();
        assertThat(caller(List.of("registry-editor"), List.of()).mayWrite("430703")).isFalse();
        assertThat(caller(List.of("admin"), List.of()).mayWrite("110112")).isTrue();
    }

    @Test
    void editorsAndAdminsAreReaders() {
        assertThat(caller(List.of("projects-editor"), List.of()).isReader()).isTrue();
        assertThat(caller(List.of("admin"), List.of()).isReader()).isTrue();
        assertThat(caller(List.of("reader"), List.of()).isReader()).isTrue();
        assertThat(caller(List.of("partner"), List.of()).isReader()).isFalse();
        assertThat(caller(List.of("reader"), List.of()).subject()).contains("tester");
    }
}
