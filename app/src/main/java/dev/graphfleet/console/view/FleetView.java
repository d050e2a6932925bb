package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.FleetViewModel;
import dev.graphfleet.console.viewmodel.GroupRow;
import dev.graphfleet.console.viewmodel.InstanceRow;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Writers, shared masters and replicas with their health; replica groups with their bounds. */
public final class FleetView extends VBox {

    public FleetView(FleetViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.FLEET_VIEW);
        setId("fleet-view");

        TextField filter = FilterBox.of("fleet-filter", model.filter(),
                "/  text  /regex/  role:replica  health:down  !term",
                "role, health, group, type, version, state, endpoint, lb, id");
        ViewToolbar toolbar = new ViewToolbar("fleet", model, model.filter(), filter,
                ViewToolbar.headline("fleet-summary", model.summaryProperty()));

        Label groupsTitle = new Label("Replica groups");
        groupsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        TableView<GroupRow> groups = groupTable(model);
        VBox groupSection = new VBox(6, groupsTitle, groups);
        groupSection.visibleProperty().bind(Bindings.isNotEmpty(model.groups()));
        groupSection.managedProperty().bind(groupSection.visibleProperty());

        Label instancesTitle = new Label("Instances");
        instancesTitle.getStyleClass().add(Styles.SECTION_TITLE);
        TableView<InstanceRow> instances = instanceTable(model);
        VBox.setVgrow(instances, Priority.ALWAYS);

        getChildren().addAll(toolbar, groupSection, instancesTitle, instances);
    }

    private static TableView<InstanceRow> instanceTable(FleetViewModel model) {
        TableView<InstanceRow> table = Tables.table("instance-table", "No instances");
        ((Label) table.getPlaceholder()).textProperty().bind(model.filter().textProperty()
                .map(f -> f.isBlank() ? "No instances" : "No instance matches \"" + f.trim() + "\""));
        // Sorted on top of the filter: a click on a header (or the s key) sorts what is shown.
        FilterBox.show(table, model.filter());
        var health = Tables.styled("Health", 120, InstanceRow::healthProperty, Styles.HEALTH, true);
        table.getColumns().add(health);
        table.getColumns().add(Tables.column("Instance", 150, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.id())));
        table.getColumns().add(Tables.column("Role", 120, InstanceRow::roleProperty));
        var group = Tables.column("Group", 110, InstanceRow::groupProperty);
        group.visibleProperty().bind(model.anyGroupProperty());
        var type = Tables.column("Type", 90, InstanceRow::instanceTypeProperty);
        type.visibleProperty().bind(model.anyInstanceTypeProperty());
        var version = Tables.column("Version", 150, InstanceRow::versionProperty);
        version.visibleProperty().bind(model.anyVersionProperty());
        // every repository's version, never cut after the first: the column is as wide as the longest
        version.minWidthProperty().bind(model.widestVersionProperty().map(Tables::textWidth));
        version.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item.replace(' ', '\n')));
            }
        });
        var loadBalancer = Tables.column("Load balancer", 120, InstanceRow::loadBalancerProperty);
        loadBalancer.visibleProperty().bind(model.anyLoadBalancerProperty());
        table.getColumns().add(group);
        table.getColumns().add(type);
        table.getColumns().add(version);
        table.getColumns().add(loadBalancer);
        table.getColumns().add(Tables.column("State", 80, InstanceRow::stateProperty));
        var uptime = Tables.numeric("Uptime", 90, InstanceRow::uptimeProperty);
        uptime.setMinWidth(90); // "12 h 59 min" whole, also in a narrow window
        table.getColumns().add(uptime);
        table.getColumns().add(Tables.column("Endpoint", 170, InstanceRow::endpointProperty));
        var detail = Tables.column("Detail", 260, InstanceRow::healthDetailProperty);
        detail.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        detail.getStyleClass().add(Styles.DETAIL_TEXT);
        table.getColumns().add(detail);
        return table;
    }

    private static TableView<GroupRow> groupTable(FleetViewModel model) {
        TableView<GroupRow> table = Tables.table("group-table", "No replica groups");
        table.setItems(model.groups());
        table.prefHeightProperty().bind(Bindings.size(model.groups()).multiply(Tables.ROW_HEIGHT).add(32));
        table.getColumns().add(Tables.styled("Health", 110, GroupRow::healthProperty, Styles.HEALTH, true));
        table.getColumns().add(Tables.column("Group", 150, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.name())));
        table.getColumns().add(Tables.column("Tier", 130, GroupRow::tierProperty));
        table.getColumns().add(Tables.column("Type", 90, GroupRow::instanceTypeProperty));
        table.getColumns().add(Tables.numeric("Min / desired / max", 140, GroupRow::scalingProperty));
        table.getColumns().add(Tables.column("Members", 130, GroupRow::membersProperty));
        table.getColumns().add(Tables.column("Load balancer", 140, GroupRow::servingProperty));
        table.getColumns().add(Tables.column("Instance refresh", 140, GroupRow::refreshProperty));
        return table;
    }
}
