package dev.graphfleet.console.view;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Switches the state pseudo-class of a node whose state is a model value (a cell's health-, level or
 * phase; a bar's usage level). Only a real change touches the node: a change makes JavaFX redo CSS for
 * the node and its children, which on every refresh of a big table is most of the FX thread's work.
 */
final class States {

    private States() {
    }

    /** The state named by a model value ({@code over budget} → {@code :over-budget}); null for none. */
    static PseudoClass of(String value) {
        return value == null || value.isEmpty() ? null : PseudoClass.getPseudoClass(value.replace(' ', '-'));
    }

    /** Replaces state {@code previous} by {@code next} (either may be null); returns {@code next}. */
    static PseudoClass swap(Node node, PseudoClass previous, PseudoClass next) {
        if (Objects.equals(previous, next)) {
            return next;
        }
        if (previous != null) {
            node.pseudoClassStateChanged(previous, false);
        }
        if (next != null) {
            node.pseudoClassStateChanged(next, true);
        }
        return next;
    }
}
