package dev.graphfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback EC2 endpoint speaking the EC2 query protocol the SDK sends (form-encoded POST with Action=...,
 * XML answers in the 2016-11-15 namespace, errors as {@code <Response><Errors><Error>}). It serves
 * DescribeVolumes (filters attachment.instance-id, attachment.device and volume-id; paged by MaxResults, at most
 * {@link #pageSize} a page, with NextToken), DescribeVolumesModifications and ModifyVolume over the volumes put
 * into it (attached, or detached: no instance).
 */
public final class FakeEc2 implements AutoCloseable {

    /** One volume attached to one instance as one device, or detached (instance and device null). */
    public static final class Volume {
        public final String id;
        public final String instanceId;
        public final String device;
        public volatile int sizeGb;
        public volatile String modificationState;
        public volatile Instant modificationStart;
        public volatile int targetSize;

        Volume(String id, String instanceId, String device, int sizeGb) {
            this.id = id;
            this.instanceId = instanceId;
            this.device = device;
            this.sizeGb = sizeGb;
        }
    }

    /** An error to answer the next ModifyVolume with. */
    public record Failure(String code, String message) {
    }

    private final HttpServer server;
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Failure> modifyFailures = new ConcurrentLinkedDeque<>();

    private volatile String describeInstances;
    private volatile String modificationStartsAs = "modifying";
    private volatile int pageSize = Integer.MAX_VALUE;

    public FakeEc2() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized Volume attach(String volumeId, String instanceId, String device, int sizeGb) {
        Volume v = new Volume(volumeId, instanceId, device, sizeGb);
        volumes.put(volumeId, v);
        return v;
    }

    /** A detached volume (state available). */
    public synchronized Volume addDetached(String volumeId, int sizeGb) {
        return attach(volumeId, null, null, sizeGb);
    }

    /** Deletes a volume: DescribeVolumes no longer lists it. */
    public synchronized void delete(String volumeId) {
        volumes.remove(volumeId);
    }

    /** At most this many volumes a DescribeVolumes page, whatever MaxResults asks (to make the SDK page). */
    public void pageSize(int volumesPerPage) {
        pageSize = volumesPerPage;
    }

    /** What DescribeInstances answers (the XML of {@link AwsXml#describeInstances}); unset: InvalidAction. */
    public void answerDescribeInstances(String xml) {
        describeInstances = xml;
    }

    /** The state a new modification is in ("modifying" unless told; "optimizing" lets a monitor grow at once). */
    public void modificationsStartAs(String state) {
        modificationStartsAs = state;
    }

    public void failNextModify(String code, String message) {
        modifyFailures.add(new Failure(code, message));
    }

    /** The form parameters of every request, in order. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            requests.add(form);
            String action = form.getOrDefault("Action", "");
            switch (action) {
                case "DescribeVolumes" -> send(exchange, 200, describeVolumes(form));
                case "DescribeVolumesModifications" -> describeModifications(exchange, form);
                case "ModifyVolume" -> modifyVolume(exchange, form);
                case "DescribeInstances" -> {
                    if (describeInstances == null) {
                        send(exchange, 400, error("InvalidAction", "no DescribeInstances answer set"));
                    } else {
                        send(exchange, 200, describeInstances);
                    }
                }
                default -> send(exchange, 400, error("InvalidAction", "The action " + action + " is not valid"));
            }
        }
    }

    private synchronized String describeVolumes(Map<String, String> form) {
        List<String> instances = filterValues(form, "attachment.instance-id");
        List<String> devices = filterValues(form, "attachment.device");
        List<String> ids = new ArrayList<>(listValues(form, "VolumeId"));
        ids.addAll(filterValues(form, "volume-id"));
        List<Volume> matching = new ArrayList<>();
        for (Volume v : volumes.values()) {
            if ((ids.isEmpty() || ids.contains(v.id)) && (instances.isEmpty() || instances.contains(v.instanceId))
                    && (devices.isEmpty() || devices.contains(v.device))) {
                matching.add(v);
            }
        }
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        int size = Math.min(pageSize, form.containsKey("MaxResults") ? Integer.parseInt(form.get("MaxResults"))
                : Integer.MAX_VALUE);
        int to = (int) Math.min(matching.size(), (long) from + size);
        StringBuilder items = new StringBuilder();
        for (Volume v : matching.subList(from, to)) {
            items.append("<item><volumeId>").append(v.id).append("</volumeId><size>").append(v.sizeGb)
                    .append("</size><availabilityZone>us-east-1a</availabilityZone>");
            if (v.instanceId == null) {
                items.append("<status>available</status><attachmentSet/>");
            } else {
                items.append("<status>in-use</status>")
                        .append("<attachmentSet><item><volumeId>").append(v.id).append("</volumeId><instanceId>")
                        .append(v.instanceId).append("</instanceId><device>").append(v.device)
                        .append("</device><status>attached</status></item></attachmentSet>");
            }
            items.append("<volumeType>gp3</volumeType><encrypted>true</encrypted></item>");
        }
        String next = to < matching.size() ? "<nextToken>" + to + "</nextToken>" : "";
        return envelope("DescribeVolumesResponse", "<volumeSet>" + items + "</volumeSet>" + next);
    }

    private synchronized void describeModifications(HttpExchange exchange, Map<String, String> form)
            throws IOException {
        StringBuilder items = new StringBuilder();
        List<String> ids = listValues(form, "VolumeId");
        List<String> states = filterValues(form, "modification-state");
        for (Volume v : ids.isEmpty() ? volumes.values() : ids.stream().map(volumes::get).toList()) {
            if (v != null && v.modificationState != null
                    && (states.isEmpty() || states.contains(v.modificationState))) {
                items.append(modificationXml(v));
            }
        }
        if (items.length() == 0 && !ids.isEmpty()) {
            send(exchange, 400, error("InvalidVolumeModification.NotFound",
                    "Modification for volume '" + listValues(form, "VolumeId") + "' does not exist."));
            return;
        }
        send(exchange, 200, envelope("DescribeVolumesModificationsResponse",
                "<volumeModificationSet>" + items + "</volumeModificationSet>"));
    }

    private synchronized void modifyVolume(HttpExchange exchange, Map<String, String> form) throws IOException {
        Failure failure = modifyFailures.poll();
        if (failure != null) {
            send(exchange, 400, error(failure.code(), failure.message()));
            return;
        }
        Volume v = volumes.get(form.get("VolumeId"));
        if (v == null) {
            send(exchange, 400, error("InvalidVolume.NotFound", "The volume '" + form.get("VolumeId")
                    + "' does not exist."));
            return;
        }
        v.targetSize = Integer.parseInt(form.get("Size"));
        v.modificationState = modificationStartsAs;
        v.modificationStart = Instant.parse("2026-03-01T12:00:00Z");
        send(exchange, 200, envelope("ModifyVolumeResponse",
                modificationXml(v).replace("<item>", "<volumeModification>").replace("</item>", "</volumeModification>")));
    }

    private static String modificationXml(Volume v) {
        return "<item><volumeId>" + v.id + "</volumeId><modificationState>" + v.modificationState
                + "</modificationState><targetSize>" + v.targetSize + "</targetSize><originalSize>" + v.sizeGb
                + "</originalSize><progress>10</progress><startTime>" + v.modificationStart + "</startTime></item>";
    }

    private static String envelope(String root, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root
                + " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId>" + body
                + "</" + root + ">";
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>req-1</RequestID></Response>";
    }

    /** Values of the filter named {@code name}: Filter.N.Name=name, Filter.N.Value.M=value. */
    private static List<String> filterValues(Map<String, String> form, String name) {
        List<String> values = new ArrayList<>();
        for (int n = 1; form.containsKey("Filter." + n + ".Name"); n++) {
            if (name.equals(form.get("Filter." + n + ".Name"))) {
                for (int m = 1; form.containsKey("Filter." + n + ".Value." + m); m++) {
                    values.add(form.get("Filter." + n + ".Value." + m));
                }
            }
        }
        return values;
    }

    private static List<String> listValues(Map<String, String> form, String name) {
        List<String> values = new ArrayList<>();
        for (int n = 1; form.containsKey(name + "." + n); n++) {
            values.add(form.get(name + "." + n));
        }
        return values;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(k, v);
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
