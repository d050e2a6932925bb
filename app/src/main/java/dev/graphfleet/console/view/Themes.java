package dev.graphfleet.console.view;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;

/** The console's stylesheets from the assets module: the layout, then the light or dark palette. */
public final class Themes {

    private static final String BASE = "/dev/graphfleet/assets/";

    private Themes() {
    }

    /** Puts the stylesheets of the theme on {@code root}, replacing the other theme's. */
    public static void apply(Parent root, boolean dark) {
        root.getStylesheets().setAll(List.of(url("console.css"), url(dark ? "dark.css" : "light.css")));
        root.getStyleClass().removeAll(Styles.THEME_LIGHT, Styles.THEME_DARK);
        root.getStyleClass().add(dark ? Styles.THEME_DARK : Styles.THEME_LIGHT);
    }

    private static String url(String name) {
        URL url = Themes.class.getResource(BASE + name);
        return Objects.requireNonNull(url, "missing stylesheet " + BASE + name + " (the assets jar)").toExternalForm();
    }
}
