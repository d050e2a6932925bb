package dev.graphfleet.console;

import java.util.List;

/** Main class for the console alone (IDE, packaged app): it must not extend Application on the classpath. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(new GraphfleetConsoleLauncher().launch(List.of(args)));
    }
}
