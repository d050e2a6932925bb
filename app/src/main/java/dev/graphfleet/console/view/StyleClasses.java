package dev.graphfleet.console.view;

import javafx.scene.Node;

/**
 * Swaps one state style class of a node (health-*, usage-*, …). Only a real change touches the
 * style classes: any change to them makes JavaFX redo CSS for the node and its children, which on
 * every refresh of a big table is most of the FX thread's work.
 */
final class StyleClasses {

    private StyleClasses() {
    }

    /** Replaces {@code previous} by {@code next} (either may be null); returns {@code next}. */
    static String swap(Node node, String previous, String next) {
        if (previous != null && previous.equals(next)) {
            return next;
        }
        if (previous != null) {
            node.getStyleClass().remove(previous);
        }
        if (next != null) {
            node.getStyleClass().add(next);
        }
        return next;
    }

    /** Adds or removes {@code styleClass} (once). */
    static void toggle(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
