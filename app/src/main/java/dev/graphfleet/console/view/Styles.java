package dev.graphfleet.console.view;

import javafx.css.PseudoClass;

/**
 * The console's style names, in one place: the style classes of what a node is (each a selector of
 * the stylesheets in assets: console.css, operator.css), and the states a node switches on and off as
 * pseudo-classes ({@code .filter-box:error}). A rename here and there together. States whose names
 * are the model's values (a cell's health, level or phase) are made by {@link States#of}.
 */
public final class Styles {

    // ---- states ----
    /** A filter box whose query could not be read. */
    public static final PseudoClass STATE_ERROR = PseudoClass.getPseudoClass("error");
    /** The views while the source cannot be read: they show the last figures. */
    public static final PseudoClass STATE_STALE = PseudoClass.getPseudoClass("stale");
    /** The status bar's problems while there are any. */
    public static final PseudoClass STATE_HAS_PROBLEMS = PseudoClass.getPseudoClass("has-problems");
    /** The volumes' metric source while CloudWatch stood in for a node. */
    public static final PseudoClass STATE_HAS_FALLBACKS = PseudoClass.getPseudoClass("has-fallbacks");
    /** A palette entry that cannot run now (it says why). */
    public static final PseudoClass STATE_UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    /** The action panel while its countdown runs, and while the action runs. */
    public static final PseudoClass STATE_COUNTDOWN = PseudoClass.getPseudoClass("countdown");
    public static final PseudoClass STATE_RUNNING = PseudoClass.getPseudoClass("running");
    /** An action's outcome. */
    public static final PseudoClass STATE_OK = PseudoClass.getPseudoClass("ok");
    public static final PseudoClass STATE_FAILED = PseudoClass.getPseudoClass("failed");

    // ---- a state cell's kind (a style class); its state is the model's value (States.of) ----
    public static final String HEALTH = "health";
    public static final String PHASE = "phase";
    public static final String LEVEL = "level";
    public static final String SOURCE = "source";
    public static final String MODIFICATION = "modification";
    public static final String FORECAST = "forecast";
    public static final String MEMORY_STATUS = "memory-status";

    // ---- style classes ----
    public static final String ACTION_CONFIRM = "action-confirm";
    public static final String ACTION_COUNTDOWN = "action-countdown";
    public static final String ACTION_KIND = "action-kind";
    public static final String ACTION_OUTCOME = "action-outcome";
    public static final String ACTION_PLAN_LINE = "action-plan-line";
    public static final String ACTION_PROGRESS_LINE = "action-progress-line";
    public static final String ACTION_TITLE = "action-title";
    public static final String APP_TITLE = "app-title";
    public static final String ATTACHMENTS_VIEW = "attachments-view";
    public static final String BAND_HINT = "band-hint";
    public static final String BANNER = "banner";
    public static final String BAR_FILL = "bar-fill";
    public static final String BAR_TEXT = "bar-text";
    public static final String BAR_TRACK = "bar-track";
    public static final String CHART_AXIS = "chart-axis";
    public static final String CHART_LABEL = "chart-label";
    public static final String CHART_SIZE = "chart-size";
    public static final String CHART_THRESHOLD = "chart-threshold";
    public static final String CHART_USED = "chart-used";
    public static final String CODE = "code";
    public static final String CONNECTIONS_VIEW = "connections-view";
    public static final String DETAIL_TEXT = "detail-text";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_TEXT = "empty-text";
    public static final String EMPTY_TITLE = "empty-title";
    public static final String ENVIRONMENT_BAND = "environment-band";
    public static final String ENVIRONMENT_LABEL = "environment-label";
    public static final String ERROR_TEXT = "error-text";
    public static final String FILTER_BOX = "filter-box";
    public static final String FILTER_COUNT = "filter-count";
    public static final String FLEET_VIEW = "fleet-view";
    public static final String HEADER = "header";
    public static final String HEALTH_DOT = "health-dot";
    public static final String HELP_KEY = "help-key";
    public static final String HELP_TEXT = "help-text";
    public static final String HISTORY_CHART = "history-chart";
    public static final String HISTORY_RANGE = "history-range";
    public static final String LEGEND = "legend";
    public static final String LEGEND_SWATCH = "legend-swatch";
    public static final String MEM_BEYOND_RAM = "mem-beyond-ram";
    public static final String MEM_HEADROOM = "mem-headroom";
    public static final String MEM_OS = "mem-os";
    public static final String MEM_OVER = "mem-over";
    public static final String MEM_POOLS = "mem-pools";
    public static final String MEM_PROCESS = "mem-process";
    public static final String MEMORY_BAR = "memory-bar";
    public static final String MEMORY_VIEW = "memory-view";
    public static final String NODE_ACTION = "node-action";
    public static final String NODE_ERROR = "node-error";
    public static final String NODE_FIGURE_NAME = "node-figure-name";
    public static final String NODE_HEAD = "node-head";
    public static final String NODE_PANEL = "node-panel";
    public static final String NODE_SCROLL = "node-scroll";
    public static final String NOTIFICATION = "notification";
    public static final String NOTIFICATION_DISMISS = "notification-dismiss";
    public static final String NOTIFICATION_TEXT = "notification-text";
    public static final String NOTIFICATION_TIME = "notification-time";
    public static final String NOTIFICATIONS = "notifications";
    public static final String NUMERIC = "numeric";
    public static final String OVERLAY = "overlay";
    public static final String OVERLAY_HINT = "overlay-hint";
    public static final String OVERLAY_PANEL = "overlay-panel";
    public static final String OVERVIEW_VIEW = "overview-view";
    public static final String PALETTE_MESSAGE = "palette-message";
    public static final String PAUSED_NOTE = "paused-note";
    public static final String RAM_MARKER = "ram-marker";
    public static final String READ_ONLY_NOTE = "read-only-note";
    public static final String REASON_NODE = "reason-node";
    public static final String REASON_TEXT = "reason-text";
    public static final String REASONS = "reasons";
    public static final String SECTION_TITLE = "section-title";
    public static final String SIMULATED_NOTE = "simulated-note";
    public static final String SOURCE_LABEL = "source-label";
    public static final String SPARKLINE = "sparkline";
    public static final String SPARKLINE_LINE = "sparkline-line";
    public static final String STARTING_ERROR = "starting-error";
    public static final String STARTING_STEP = "starting-step";
    public static final String STARTING_STEPS = "starting-steps";
    public static final String STARTING_VIEW = "starting-view";
    public static final String STATUS_ACTION = "status-action";
    public static final String STATUS_PROBLEMS = "status-problems";
    public static final String SUMMARY = "summary";
    public static final String THEME_DARK = "theme-dark";
    public static final String THEME_LIGHT = "theme-light";
    public static final String THRESHOLD_MARKER = "threshold-marker";
    public static final String USAGE_BAR = "usage-bar";
    public static final String VIEW = "view";
    public static final String VIEW_TOOLBAR = "view-toolbar";
    public static final String VIEWS = "views";
    public static final String VOLUME_DETAIL = "volume-detail";
    public static final String VOLUMES_VIEW = "volumes-view";

    private Styles() {
    }
}
