package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.MemoryBar;
import javafx.scene.layout.Region;

/**
 * One node's memory as a stacked bar (see {@link MemoryBar}): OS overhead, open buffer pools, the
 * rest of the budget, buffer pools beyond the budget; a marker where the RAM ends and red over
 * whatever lies past it; the process's resident size as a thin bar underneath.
 */
final class MemoryStackBar extends Region {

    private static final double BAR = 14;
    private static final double GAP = 2;
    private static final double PROCESS = 4;

    private final Region track = part(Styles.BAR_TRACK);
    private final Region os = part(Styles.MEM_OS);
    private final Region pools = part(Styles.MEM_POOLS);
    private final Region headroom = part(Styles.MEM_HEADROOM);
    private final Region over = part(Styles.MEM_OVER);
    private final Region beyondRam = part(Styles.MEM_BEYOND_RAM);
    private final Region ramMarker = part(Styles.RAM_MARKER);
    private final Region process = part(Styles.MEM_PROCESS);
    private MemoryBar bar;

    MemoryStackBar() {
        getStyleClass().add(Styles.MEMORY_BAR);
        getChildren().addAll(track, os, pools, headroom, over, beyondRam, process, ramMarker);
        setMinHeight(BAR + GAP + PROCESS + 2);
        setPrefHeight(BAR + GAP + PROCESS + 2);
    }

    private static Region part(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        return r;
    }

    void set(MemoryBar value) {
        bar = value;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        boolean shown = bar != null;
        getChildren().forEach(child -> child.setVisible(shown));
        if (!shown) {
            return;
        }
        double x = snappedLeftInset();
        double y = snappedTopInset() + 1;
        double w = getWidth() - x - snappedRightInset();
        track.resizeRelocate(x, y, w, BAR);
        double at = x;
        at = place(os, at, w * bar.fraction(bar.osOverhead()), y);
        at = place(pools, at, w * bar.fraction(bar.poolsWithinBudget()), y);
        at = place(headroom, at, w * bar.fraction(bar.budgetHeadroom()), y);
        place(over, at, w * bar.fraction(bar.poolsOverBudget()), y);
        double ramX = x + Math.round(w * bar.fraction(bar.ram()));
        ramMarker.setVisible(bar.ram() > 0);
        ramMarker.resizeRelocate(Math.min(ramX, x + w - 2), y - 2, 2, BAR + 4);
        beyondRam.setVisible(bar.beyondRam() > 0);
        beyondRam.resizeRelocate(ramX, y, Math.round(w * bar.fraction(bar.beyondRam())), BAR);
        process.setVisible(bar.process() > 0);
        process.resizeRelocate(x, y + BAR + GAP, Math.max(1, Math.round(w * bar.fraction(bar.process()))), PROCESS);
    }

    private static double place(Region part, double at, double width, double y) {
        double w = Math.round(width);
        part.resizeRelocate(at, y, w, BAR);
        return at + w;
    }
}
