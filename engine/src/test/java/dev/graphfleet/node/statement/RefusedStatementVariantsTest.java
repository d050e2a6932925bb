package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every way of writing a refused statement: each of the engine's whitespace characters, comments,
 * case, backticks, look-alikes, zero-width and combining characters, and the NFC, NFKC and NFKD
 * forms of the same text. Each is refused by the guard; the few the guard lets through (a keyword in
 * backticks is a name to the guard and to the engine alike) are run on a real scratch database, which
 * must refuse them and show no effect: no row loaded from the canary file, no file written, no
 * database attached, no setting changed. A variant that ran would be a bypass; there must be none.
 */
class RefusedStatementVariantsTest {

    private static final AtomicLong GENERATED = new AtomicLong();
    private static final AtomicLong REFUSED_BY_GUARD = new AtomicLong();
    private static final AtomicLong REFUSED_BY_ENGINE = new AtomicLong();
    private static final AtomicLong BYPASSES = new AtomicLong();
    private static ScratchEngine engine;

    private final StatementGuard guard = new StatementGuard(StatementPolicy.DEFAULTS);
    private final StatementGuard writerThatLoads = new StatementGuard(StatementPolicy.DEFAULTS.withAllowCopyFrom(true));

    private static synchronized ScratchEngine engine() {
        if (engine == null) {
            try {
                engine = new ScratchEngine(Files.createTempDirectory("refused-variants"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return engine;
    }

    @Provide
    Arbitrary<String> refused() {
        return RefusedStatementVariants.statements(engine().canary().toString());
    }

    @Property(tries = 3_000)
    void noVariantGetsPastTheGuardAndTheEngine(@ForAll("refused") String cypher) {
        for (String form : new String[] {cypher, Normalizer.normalize(cypher, Normalizer.Form.NFC),
                Normalizer.normalize(cypher, Normalizer.Form.NFKC), Normalizer.normalize(cypher, Normalizer.Form.NFKD)}) {
            GENERATED.incrementAndGet();
            try {
                guard.check(form);
            } catch (StatementRefusedException refused) {
                REFUSED_BY_GUARD.incrementAndGet();
                continue;
            }
            boolean ran = engine().run(form);
            boolean noEffect = engine().effects().isEmpty();
            (ran || !noEffect ? BYPASSES : REFUSED_BY_ENGINE).incrementAndGet();
            assertThat(ran).as("bypass: " + shown(form)).isFalse();
            assertThat(engine().effects()).as("effects of " + shown(form)).isEmpty();
        }
    }

    /** Allowing COPY FROM on a writer lets exactly that through: every other refused form stays refused. */
    @Property(tries = 1_000)
    void allowingCopyFromLetsNothingElseThrough(@ForAll("refused") String cypher) {
        String nfkc = Normalizer.normalize(cypher, Normalizer.Form.NFKC);
        try {
            writerThatLoads.check(nfkc);
        } catch (StatementRefusedException refused) {
            return;
        }
        // Only COPY <table> FROM '<file>' itself, whatever the spelling around it; anything else the
        // guard lets through must be refused by the engine, with no effect.
        boolean copyFrom = CypherTokenizer.tokenize(nfkc).toString().matches("(?i)\\[(.*symbol:;, )?"
                + "(word:explain, (word:logical, )?|word:profile, )?word:copy, (word|quoted_name):[^,]+, word:from, "
                + "string:[^,]*(, symbol:\\(.*symbol:\\))?(, symbol:;)?\\]");
        if (!copyFrom) {
            assertThat(engine().run(nfkc)).as("bypass: " + shown(nfkc)).isFalse();
            assertThat(engine().effects()).as("effects of " + shown(nfkc)).isEmpty();
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("refused statement variants: %d generated, %d refused by the guard, %d let through by "
                + "the guard and refused by the engine with no effect, %d bypasses%n", GENERATED.get(),
                REFUSED_BY_GUARD.get(), REFUSED_BY_ENGINE.get(), BYPASSES.get());
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return shown.toString();
    }
}
