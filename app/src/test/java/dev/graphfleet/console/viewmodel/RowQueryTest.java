package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowQueryTest {

    private static final Set<String> TAGS = Set.of("id", "role", "health");
    private static final Map<String, String> WRITER = Map.of("id", "writer-1", "role", "writer", "health", "healthy");
    private static final Map<String, String> REPLICA_A = Map.of("id", "replica-a", "role", "shared replica",
            "health", "healthy");
    private static final Map<String, String> REPLICA_B = Map.of("id", "replica-b", "role", "shared replica",
            "health", "unreachable");
    private static final List<Map<String, String>> ROWS = List.of(WRITER, REPLICA_A, REPLICA_B);

    private static List<String> ids(String query) {
        RowQuery q = RowQuery.parse(query, TAGS);
        return ROWS.stream().filter(q::matches).map(r -> r.get("id")).toList();
    }

    @Test
    void plainTextMatchesAnyColumnIgnoringCase() {
        assertThat(ids("REPLICA")).containsExactly("replica-a", "replica-b");
        assertThat(ids("")).hasSize(3);
        assertThat(ids("   ")).hasSize(3);
    }

    @Test
    void termsAreAnded() {
        assertThat(ids("replica healthy")).containsExactly("replica-a");
    }

    @Test
    void tagsMatchTheirColumnOnly() {
        assertThat(ids("role:replica")).containsExactly("replica-a", "replica-b");
        assertThat(ids("id:writer")).containsExactly("writer-1");
        assertThat(ids("role:healthy")).isEmpty();
    }

    @Test
    void healthDownAndUpAreAliases() {
        assertThat(ids("health:down")).containsExactly("replica-b");
        assertThat(ids("health:up")).containsExactly("writer-1", "replica-a");
    }

    @Test
    void bangInvertsATerm() {
        assertThat(ids("!replica-b")).containsExactly("writer-1", "replica-a");
        assertThat(ids("role:replica !health:down")).containsExactly("replica-a");
    }

    @Test
    void slashesMakeARegexAlsoAfterATagOrBang() {
        assertThat(ids("/^replica-[ab]$/")).containsExactly("replica-a", "replica-b");
        assertThat(ids("/writer|b$/")).containsExactly("writer-1", "replica-b");
        assertThat(ids("id:/-1$/")).containsExactly("writer-1");
        assertThat(ids("!/replica/")).containsExactly("writer-1");
        assertThat(ids("/shared replica/")).containsExactly("replica-a", "replica-b"); // a space inside a regex
    }

    @Test
    void quotesKeepAPhrase() {
        assertThat(ids("\"shared replica\" !replica-a")).containsExactly("replica-b");
    }

    @Test
    void aBadRegexOrUnknownTagIsNamedAndLeftOut() {
        RowQuery bad = RowQuery.parse("/[a/ writer", TAGS);
        assertThat(bad.error()).startsWith("bad regex /[a/");
        assertThat(ROWS.stream().filter(bad::matches).map(r -> r.get("id"))).containsExactly("writer-1");

        RowQuery unknown = RowQuery.parse("colour:red", TAGS);
        assertThat(unknown.error()).isEqualTo("unknown tag 'colour:' (the tags here are health, id, role)");
        assertThat(RowQuery.parse("role:writer", TAGS).error()).isEmpty();
    }

    @Test
    void tokensKeepRegexesAndQuotesWhole() {
        assertThat(RowQuery.tokens("a  /b c/ !\"d e\" tag:/f g/")).containsExactly("a", "/b c/", "!\"d e\"", "tag:/f g/");
    }
}
