package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.MemoryBar;
import javafx.scene.layout.Region;

/**
 * One node's memory as a stacked bar: OS overhead, buffer pools within the budget, buffer pools
 * beyond it (red), the rest of the RAM as track; a marker where the RAM ends (when the budget does
 * not fit, the bar runs past it), and the process's resident size as a thin bar underneath.
 */
final class MemoryStackBar extends Region {

    private static final double BAR = 14;
    private static final double GAP = 2;
    private static final double PROCESS = 4;

    private final Region track = part("bar-track");
    private final Region os = part("mem-os");
    private final Region pools = part("mem-pools");
    private final Region over = part("mem-over");
    private final Region ramMarker = part("ram-marker");
    private final Region process = part("mem-process");
    private MemoryBar bar;

    MemoryStackBar() {
        getStyleClass().add("memory-bar");
        getChildren().addAll(track, os, pools, over, process, ramMarker);
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
        double x = snappedLeftInset();
        double y = snappedTopInset() + 1;
        double w = getWidth() - x - snappedRightInset();
        if (bar == null) {
            for (var child : getChildren()) {
                child.setVisible(false);
            }
            return;
        }
        for (var child : getChildren()) {
            child.setVisible(true);
        }
        track.resizeRelocate(x, y, w, BAR);
        double osW = Math.round(w * bar.fraction(bar.osOverhead()));
        double poolsW = Math.round(w * bar.fraction(bar.poolsWithinBudget()));
        double overW = Math.round(w * bar.fraction(bar.poolsOverBudget()));
        os.resizeRelocate(x, y, osW, BAR);
        pools.resizeRelocate(x + osW, y, poolsW, BAR);
        over.resizeRelocate(x + osW + poolsW, y, overW, BAR);
        ramMarker.setVisible(bar.ram() > 0);
        double ramX = x + Math.round(w * bar.fraction(bar.ram()));
        ramMarker.resizeRelocate(Math.min(ramX, x + w - 2), y - 1, 2, BAR + 2);
        process.setVisible(bar.process() > 0);
        process.resizeRelocate(x, y + BAR + GAP, Math.max(1, Math.round(w * bar.fraction(bar.process()))), PROCESS);
    }
}
