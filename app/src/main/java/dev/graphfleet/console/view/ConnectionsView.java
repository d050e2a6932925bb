package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ConnectionRow;
import dev.graphfleet.console.viewmodel.ConnectionsViewModel;
import dev.graphfleet.console.viewmodel.Gauge;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Connections: per node and database, in use / idle / max with a bar, and the node's waits and timeouts. */
public final class ConnectionsView extends VBox {

    public ConnectionsView(ConnectionsViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.CONNECTIONS_VIEW);
        setId("connections-view");
        ViewToolbar toolbar = new ViewToolbar("connections", model, model.filter(),
                ViewToolbar.title("Connection pools"));

        TableView<ConnectionRow> table = Tables.table("connections-table", "No node reported its connection pools");
        FilterBox.show(table, model.filter());
        table.getColumns().add(Tables.column("Node", 140, ConnectionRow::nodeProperty));
        table.getColumns().add(Tables.column("Database", 150, ConnectionRow::databaseProperty));
        table.getColumns().add(Tables.numeric("In use", 70, ConnectionRow::inUseProperty));
        table.getColumns().add(Tables.numeric("Idle", 70, ConnectionRow::idleProperty));
        table.getColumns().add(Tables.numeric("Max", 70, ConnectionRow::maxProperty));
        TableColumn<ConnectionRow, Gauge> use = Tables.column("Utilisation", 260, ConnectionRow::gaugeProperty);
        use.setCellFactory(c -> new GaugeCell<>());
        table.getColumns().add(use);
        table.getColumns().add(Tables.numeric("Node waits", 110, ConnectionRow::waitsProperty));
        var timeouts = Tables.levelled("Node timeouts", 120, ConnectionRow::timeoutsProperty,
                ConnectionRow::timeoutsLevelProperty, Styles.LEVEL);
        timeouts.getStyleClass().add(Styles.NUMERIC);
        table.getColumns().add(timeouts);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
    }
}
