package dev.graphfleet.node.statement;

import dev.graphfleet.testing.RefusedStatementVariants;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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

    private static final int VARIANTS = 3_000;
    private static final int VARIANTS_WITH_COPY_FROM = 1_000;
    /** Fixed, so every build checks the same variants; change them to look at others. */
    private static final long SEED = 20_261_207L;
    private static final long SEED_WITH_COPY_FROM = 20_261_208L;

    private static Iterator<String> refused(long seed) {
        return RefusedStatementVariants.statements(engine().canary().toString(), CypherTokenizer.engineWhitespace()).samples(seed).iterator();
    }

    @Test
    void noVariantGetsPastTheGuardAndTheEngine() {
        Iterator<String> variants = refused(SEED);
        for (int trial = 0; trial < VARIANTS; trial++) {
            String cypher = variants.next();
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
                assertThat(ran).as("bypass: %s", trial(SEED, trial, form)).isFalse();
                assertThat(engine().effects()).as("effects of %s", trial(SEED, trial, form)).isEmpty();
            }
        }
    }

    /** Allowing COPY FROM on a writer lets exactly that through: every other refused form stays refused. */
    @Test
    void allowingCopyFromLetsNothingElseThrough() {
        Iterator<String> variants = refused(SEED_WITH_COPY_FROM);
        for (int trial = 0; trial < VARIANTS_WITH_COPY_FROM; trial++) {
            String nfkc = Normalizer.normalize(variants.next(), Normalizer.Form.NFKC);
            try {
                writerThatLoads.check(nfkc);
            } catch (StatementRefusedException refused) {
                continue;
            }
            // Only COPY <table> FROM '<file>' itself, whatever the spelling around it; anything else the
            // guard lets through must be refused by the engine, with no effect.
            boolean copyFrom = CypherTokenizer.tokenize(nfkc).toString().matches("(?i)\\[(.*symbol:;, )?"
                    + "(word:explain, (word:logical, )?|word:profile, )?word:copy, (word|quoted_name):[^,]+, word:from, "
                    + "string:[^,]*(, symbol:\\(.*symbol:\\))?(, symbol:;)?\\]");
            if (!copyFrom) {
                assertThat(engine().run(nfkc)).as("bypass: %s", trial(SEED_WITH_COPY_FROM, trial, nfkc)).isFalse();
                assertThat(engine().effects()).as("effects of %s", trial(SEED_WITH_COPY_FROM, trial, nfkc)).isEmpty();
            }
        }
    }

    private static String trial(long seed, int trial, String form) {
        return "trial " + trial + " of seed " + seed + ": " + shown(form);
    }

    @AfterAll
    static void report() {
        System.out.printf("refused statement variants (seed %d): %d generated, %d refused by the guard, %d let "
                + "through by the guard and refused by the engine with no effect, %d bypasses%n", SEED, GENERATED.get(),
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
