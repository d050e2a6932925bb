package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentBadgeTest {

    @Test
    void eachKindOfSourceHasItsColour() {
        assertThat(EnvironmentBadge.of(SourceKind.LOCAL, "local").styleClass()).isEqualTo("env-local");
        assertThat(EnvironmentBadge.of(SourceKind.NODES, null).styleClass()).isEqualTo("env-nodes");
        assertThat(EnvironmentBadge.of(SourceKind.AWS, "staging"))
                .isEqualTo(new EnvironmentBadge("AWS · staging", "env-aws", false));
    }

    @Test
    void productionNamesAreRedWhateverTheSource() {
        for (String env : new String[] {"prod", "PROD", "production", "prd", "live", "eu-prod", "prod_2", "prod-east"}) {
            assertThat(EnvironmentBadge.of(SourceKind.AWS, env).styleClass()).as(env).isEqualTo("env-production");
        }
        assertThat(EnvironmentBadge.of(SourceKind.AWS, "prod").label()).isEqualTo("PRODUCTION · AWS · prod");
        assertThat(EnvironmentBadge.of(SourceKind.NODES, "prod").production()).isTrue();
    }

    @Test
    void namesThatOnlyContainTheLettersAreNot() {
        for (String env : new String[] {"product-demo", "preprod", "delivery", "olive", "staging"}) {
            assertThat(EnvironmentBadge.of(SourceKind.AWS, env).production()).as(env).isFalse();
        }
    }
}
