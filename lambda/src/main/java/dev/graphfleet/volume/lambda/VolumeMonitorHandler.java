package dev.graphfleet.volume.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import dev.graphfleet.volume.monitor.WatchedInstance;
import dev.graphfleet.volume.ops.OperationResult;
import dev.graphfleet.volume.ops.VolumeOperations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume monitor as an AWS Lambda: parses the event ({@link MonitorRequest}), runs the monitor or the named
 * action, and replies with a map ({@code statusCode} 200/400/404/500 and what was done). Unlike the original, an
 * alarm in either shape runs the check with the alarm threshold.
 *
 * <p>Handler: {@code dev.graphfleet.volume.lambda.VolumeMonitorHandler::handleRequest}. Configuration comes from
 * environment variables ({@link LambdaSettings}); the services are built on the first invocation and reused by
 * the container.
 */
public final class VolumeMonitorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeMonitorHandler.class);
    /** Errors listed in a reply, as in the alerts. */
    static final int MAX_LISTED_ERRORS = AlertComposer.MAX_LISTED_ERRORS;

    private final Supplier<HandlerServices> factory;
    private volatile HandlerServices services;

    /** For the Lambda runtime: services from the environment variables. */
    public VolumeMonitorHandler() {
        this(() -> LambdaServices.fromSettings(LambdaSettings.fromEnvironment(System.getenv())));
    }

    /** {@code factory} is called once, on the first invocation that needs the services (again if it failed). */
    public VolumeMonitorHandler(Supplier<HandlerServices> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        MonitorRequest request;
        try {
            request = MonitorRequest.parse(event);
        } catch (BadEventException e) {
            LOG.warn("rejected event: {}", e.getMessage());
            Map<String, Object> reply = reply(400, "invalid");
            reply.put("error", e.getMessage());
            reply.put("field", e.field());
            return reply;
        }
        LOG.info("volume monitor: {}", request);
        try {
            return handle(request);
        } catch (RuntimeException e) {
            LOG.error("volume monitor: {} failed", request.action(), e);
            Map<String, Object> reply = reply(500, request.action());
            reply.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return reply;
        }
    }

    private Map<String, Object> handle(MonitorRequest request) {
        if (request instanceof MonitorRequest.Ignored ignored) {
            Map<String, Object> reply = reply(200, request.action());
            reply.put("message", ignored.reason());
            return reply;
        }
        HandlerServices s = services();
        if (request instanceof MonitorRequest.MonitorAll all) {
            MonitorReport report;
            try {
                report = s.monitor().run(s.fleet(), all.alarm(), false);
            } catch (Exception e) {
                throw new IllegalStateException("could not list the fleet's instances: " + e.getMessage(), e);
            }
            return monitorReply(request, all.trigger(), report);
        }
        if (request instanceof MonitorRequest.MonitorInstance one) {
            Optional<WatchedInstance> instance = find(s, one.instanceId());
            if (instance.isEmpty()) {
                return notInFleet(request, one.instanceId());
            }
            return monitorReply(request, one.trigger(), s.monitor().run(List.of(instance.get()), one.alarm(), false));
        }
        if (request instanceof MonitorRequest.ExpandVolume expand) {
            return operationReply(request, s.operations().expand(expand.volumeId(), expand.sizeGb(), false));
        }
        if (request instanceof MonitorRequest.GrowFilesystem grow) {
            Optional<WatchedInstance> instance = find(s, grow.instanceId());
            if (instance.isEmpty()) {
                return notInFleet(request, grow.instanceId());
            }
            return operationReply(request, s.operations().growFilesystem(instance.get()));
        }
        List<WatchedInstance> fleet = instances(s);
        OperationResult fixed = s.operations().fixStuck(id -> fleet.stream()
                .filter(i -> i.instanceId().equals(id)).findFirst().orElse(null), false);
        s.alerts().accept(s.composer().composeStuckFixed(VolumeOperations.linesStarting(fixed, "fixed"),
                VolumeOperations.linesStarting(fixed, "failed")));
        return operationReply(request, fixed);
    }

    private HandlerServices services() {
        HandlerServices s = services;
        if (s == null) {
            synchronized (this) {
                if (services == null) {
                    services = factory.get();
                }
                s = services;
            }
        }
        return s;
    }

    private static List<WatchedInstance> instances(HandlerServices s) {
        try {
            return s.fleet().instances();
        } catch (Exception e) {
            throw new IllegalStateException("could not list the fleet's instances: " + e.getMessage(), e);
        }
    }

    private static Optional<WatchedInstance> find(HandlerServices s, String instanceId) {
        return instances(s).stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }

    private static Map<String, Object> notInFleet(MonitorRequest request, String instanceId) {
        Map<String, Object> reply = reply(404, request.action());
        reply.put("error", "instance_id: " + instanceId + " is not a running instance of this fleet");
        reply.put("field", "instance_id");
        return reply;
    }

    private static Map<String, Object> monitorReply(MonitorRequest request, String trigger, MonitorReport report) {
        Map<String, Object> reply = reply(200, request.action());
        reply.put("trigger", trigger);
        reply.put("alarm", report.alarm());
        reply.put("ok", report.ok());
        reply.put("instances_checked", report.instances().size());
        reply.put("volumes_expanded", report.count(Outcome.EXPANDED) + report.count(Outcome.EXPANSION_PENDING));
        reply.put("cloudwatch_fallbacks", report.fallbacks());
        List<InstanceReport> failures = report.failures();
        List<String> errors = new ArrayList<>();
        failures.stream().limit(MAX_LISTED_ERRORS).forEach(r -> errors.add(r.instance().instanceId() + ": " + r.error()));
        if (failures.size() > MAX_LISTED_ERRORS) {
            errors.add("... and " + (failures.size() - MAX_LISTED_ERRORS) + " more");
        }
        reply.put("errors", errors);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InstanceReport r : report.instances()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instance_id", r.instance().instanceId());
            row.put("volume_id", r.volumeId());
            row.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            row.put("usage", r.reading() == null ? null : r.reading().usage());
            row.put("detail", r.detail());
            row.put("error", r.error());
            rows.add(row);
        }
        reply.put("results", rows);
        reply.put("took_ms", report.took().toMillis());
        return reply;
    }

    private static Map<String, Object> operationReply(MonitorRequest request, OperationResult result) {
        Map<String, Object> reply = reply(result.status().code(), request.action());
        reply.put(result.ok() ? "message" : "error", result.message());
        reply.put("details", result.lines());
        return reply;
    }

    private static Map<String, Object> reply(int status, String action) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("statusCode", status);
        reply.put("action", action);
        return reply;
    }
}
