package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Ticker;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** Ticks on the FX thread with a timeline (the action countdown). */
public final class FxTicker implements Ticker {

    @Override
    public Runnable every(Duration period, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
