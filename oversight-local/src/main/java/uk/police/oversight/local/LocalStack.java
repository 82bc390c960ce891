package uk.police.oversight.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: embedded PostgreSQL and ActiveMQ Artemis (unless external ones are configured),
 * and every service as a child JVM of its packaged application. Used by `./oversight up` and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    /** How to run the stack. {@code persistent}: keep data between runs (the CLI) or throw it away (tests). */
    public record Options(Path repository, Path home, Map<String, String> env, boolean persistent, PrintStream log) {
    }

    private final Options options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private LocalKeys keys;
    private LocalPostgres postgres;
    private LocalBroker broker;
    private LocalMailSink mail;
    private int amqpPort;
    private Map<String, String> deniedWebhookTargets;
    private BrokerUsers brokerUsers;
    private LocalIdentityProvider identityProvider;

    private LocalStack(Options options) {
        this.options = options;
    }

    /** Starts everything and waits until every service is ready. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Map<String, String> env = options.env();
        keys = LocalKeys.in(options.home().resolve("keys"));
        ports.put("offender-service", port("OFFENDER_HTTP_PORT", 8081));
        ports.put("visit-scheduler", port("VISITS_HTTP_PORT", 8082));
        ports.put("notification-service", port("NOTIFY_HTTP_PORT", 8083));
        ports.put("audit-service", port("AUDIT_HTTP_PORT", 8084));
        ports.put("assurance-service", port("ASSURANCE_HTTP_PORT", 8085));
        ports.put("web-app", port("WEB_HTTP_PORT", 8086));
        ports.put("api-gateway", port("GATEWAY_HTTP_PORT", 8080));
        // Health and metrics are on each service's management interface, never on the port clients reach.
        managementPorts.put("offender-service", port("OFFENDER_MANAGEMENT_PORT", 9081));
        managementPorts.put("visit-scheduler", port("VISITS_MANAGEMENT_PORT", 9082));
        managementPorts.put("notification-service", port("NOTIFY_MANAGEMENT_PORT", 9083));
        managementPorts.put("audit-service", port("AUDIT_MANAGEMENT_PORT", 9084));
        managementPorts.put("assurance-service", port("ASSURANCE_MANAGEMENT_PORT", 9085));
        managementPorts.put("web-app", port("WEB_MANAGEMENT_PORT", 9086));
        managementPorts.put("api-gateway", port("GATEWAY_MANAGEMENT_PORT", 9080));
        // Every service port is checked before anything starts, so that a taken port fails fast and says which.
        ports.forEach((service, port) -> checkFree(service + ", " + variable(service, "HTTP"), port));
        managementPorts.forEach((service, port) -> checkFree(service + " management, " + variable(service, "MANAGEMENT"), port));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("OVERSIGHT_JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toUri().toString());
        common.put("OVERSIGHT_JWT_ISSUER", LocalKeys.ISSUER);
        common.put("OVERSIGHT_JWT_AUDIENCE", LocalKeys.AUDIENCE);
        common.put("OVERSIGHT_MANAGEMENT_HOST", "localhost");
        if (env.containsKey("AMQP_HOST")) {
            step("Broker: external, " + env.get("AMQP_HOST") + ":" + env.getOrDefault("AMQP_PORT", "5672"));
            for (String key : List.of("AMQP_HOST", "AMQP_PORT", "AMQP_USER", "AMQP_PASSWORD")) {
                if (env.containsKey(key)) {
                    common.put(key, env.get(key));
                }
            }
        } else {
            amqpPort = port("OVERSIGHT_AMQP_PORT", 55672);
            checkFree("OVERSIGHT_AMQP_PORT", amqpPort);
            step("Starting embedded ActiveMQ Artemis (AMQP 1.0) on port " + amqpPort);
            brokerUsers = BrokerUsers.in(options.home().resolve("keys"));
            broker = LocalBroker.start(options.home().resolve("broker"), amqpPort, true, brokerUsers);
            common.put("AMQP_HOST", "localhost");
            common.put("AMQP_PORT", Integer.toString(amqpPort));
        }

        Map<String, String> offender = new LinkedHashMap<>(common);
        offender.put("OFFENDER_HTTP_PORT", Integer.toString(ports.get("offender-service")));
        database(offender, "OFFENDER_DB_JDBC_URL", "offender");
        Map<String, String> visits = new LinkedHashMap<>(common);
        visits.put("VISITS_HTTP_PORT", Integer.toString(ports.get("visit-scheduler")));
        visits.put("OFFENDER_SERVICE_URL", "http://localhost:" + ports.get("offender-service"));
        database(visits, "VISITS_DB_JDBC_URL", "visits");
        passThrough(visits, "COMPLIANCE_SCAN_CRON");

        Map<String, String> notify = new LinkedHashMap<>(common);
        notify.put("NOTIFY_HTTP_PORT", Integer.toString(ports.get("notification-service")));
        database(notify, "NOTIFY_DB_JDBC_URL", "notifications");
        mailSink(notify);
        // Locally a developer may point a webhook at an http://localhost receiver; production allows https only. The
        // stack's own ports stay out of reach, loopback or not (docs/runbook.md, "Webhooks").
        notify.put("WEBHOOK_ALLOW_HTTP", env.getOrDefault("WEBHOOK_ALLOW_HTTP", "true"));
        notify.put("WEBHOOK_ALLOW_LOOPBACK", env.getOrDefault("WEBHOOK_ALLOW_LOOPBACK", "true"));
        deniedWebhookTargets = notify;
        passThrough(notify, "DIGEST_CRON");
        passThrough(notify, "SMTP_TIMEOUT");

        Map<String, String> audit = new LinkedHashMap<>(common);
        audit.put("AUDIT_HTTP_PORT", Integer.toString(ports.get("audit-service")));
        database(audit, "AUDIT_DB_JDBC_URL", "audit");
        earlierAuditStore(audit, offender);

        Map<String, String> assurance = new LinkedHashMap<>(common);
        assurance.put("ASSURANCE_HTTP_PORT", Integer.toString(ports.get("assurance-service")));
        database(assurance, "ASSURANCE_DB_JDBC_URL", "assurance");
        assurance.put("VISIT_SCHEDULER_URL", url("visit-scheduler"));
        assurance.put("OFFENDER_SERVICE_URL", url("offender-service"));
        // Locally its own tokens are signed with the stack's key, which every service trusts (docs/deployment.md).
        assurance.put("ASSURANCE_IDENTITY_KEY_LOCATION", keys.privateKeyFile().toString());
        passThrough(assurance, "MONTHLY_SNAPSHOT_CRON");
        passThrough(assurance, "ACTION_REMINDER_CRON");

        Map<String, String> web = new LinkedHashMap<>();
        web.put("OVERSIGHT_MANAGEMENT_HOST", "localhost");
        web.put("WEB_HTTP_PORT", Integer.toString(ports.get("web-app")));
        web.put("GATEWAY_INTERNAL_URL", url("api-gateway"));
        identityProvider(web);

        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("GATEWAY_HTTP_PORT", Integer.toString(ports.get("api-gateway")));
        gateway.put("WEB_APP_URL", url("web-app"));
        // Quarkus's own port behind the gateway's public one: loopback only (api-gateway's EdgeServer).
        int internal = port("GATEWAY_INTERNAL_HTTP_PORT", 8070);
        checkFree("api-gateway internal, GATEWAY_INTERNAL_HTTP_PORT", internal);
        gateway.put("GATEWAY_INTERNAL_HTTP_PORT", Integer.toString(internal));
        gateway.put("OFFENDER_SERVICE_URL", url("offender-service"));
        gateway.put("VISITS_SERVICE_URL", url("visit-scheduler"));
        gateway.put("NOTIFY_SERVICE_URL", url("notification-service"));
        gateway.put("AUDIT_SERVICE_URL", url("audit-service"));
        gateway.put("ASSURANCE_SERVICE_URL", url("assurance-service"));
        for (String key : List.of("GATEWAY_RATE_LIMIT_PER_MINUTE", "GATEWAY_RATE_LIMIT_BURST", "GATEWAY_RATE_LIMIT_ENABLED",
                "GATEWAY_CORS_ENABLED", "GATEWAY_CORS_ORIGINS", "GATEWAY_MAX_BODY_BYTES", "GATEWAY_MAX_URI_LENGTH", "GATEWAY_MAX_HEADER_BYTES")) {
            passThrough(gateway, key);
        }

        add("offender-service", offender);
        add("visit-scheduler", visits);
        add("notification-service", notify);
        add("audit-service", audit);
        add("assurance-service", assurance);
        add("web-app", web);
        add("api-gateway", gateway);

        deniedWebhookTargets.put("WEBHOOK_DENIED_TARGETS", String.join(",", ownEndpoints()));

        List<String> jvm = jvmOptions();
        for (ServiceProcess service : services) {
            checkFree(service.name() + ", " + variable(service.name(), "HTTP"), service.port());
            step("Starting " + service.name() + " on port " + service.port() + " (log: " + service.log() + ")");
            service.start(jvm);
        }
        awaitReady(services, Duration.ofSeconds(180));
    }

    /** Every host:port of this stack (services, their management interfaces, PostgreSQL, broker, mail sink). */
    private List<String> ownEndpoints() {
        List<String> endpoints = new ArrayList<>();
        ports.values().forEach(port -> endpoints.add("localhost:" + port));
        managementPorts.values().forEach(port -> endpoints.add("localhost:" + port));
        if (postgres != null) {
            endpoints.add("localhost:" + postgres.port());
        }
        if (amqpPort > 0) {
            endpoints.add("localhost:" + amqpPort);
        }
        if (identityProvider != null) {
            endpoints.add("localhost:" + identityProvider.port());
        }
        if (mail != null) {
            endpoints.add("localhost:" + mail.smtpPort());
            endpoints.add("localhost:" + mail.webPort());
        }
        return endpoints;
    }

    private List<String> jvmOptions() {
        return Arrays.stream(options.env().getOrDefault("OVERSIGHT_SERVICE_JVM_OPTS", "-Xmx384m -XX:+UseSerialGC").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
    }

    /**
     * Stops one service and starts it again while the rest keep running, as a rolling restart would; answers how
     * long it took from starting the JVM to the service answering ready. (Benchmarks and fault tests.)
     */
    public Duration restart(String name) {
        service(name).stop(Duration.ofSeconds(15));
        return start(name);
    }

    /**
     * Restarts one service with some of its environment changed (a null value removes the variable), as a changed
     * ConfigMap and a rollout would; the change stays for later restarts. Answers how long the start took.
     */
    public Duration restart(String name, Map<String, String> changes) {
        ServiceProcess service = service(name);
        service.stop(Duration.ofSeconds(15));
        changes.forEach(service::set);
        return start(name);
    }

    /** The value one service was started with for an environment variable, or null. */
    public String setting(String name, String key) {
        return service(name).setting(key);
    }

    /** Kills one service at once (SIGKILL), as a crash or an evicted pod would: no graceful shutdown. */
    public void kill(String name) {
        service(name).kill();
    }

    /** Stops one service gracefully (SIGTERM), leaving the rest running. */
    public void stop(String name) {
        service(name).stop(Duration.ofSeconds(15));
    }

    /** Starts a stopped or killed service again and waits until it is ready; answers how long that took. */
    public Duration start(String name) {
        ServiceProcess service = service(name);
        if (service.alive()) {
            throw new IllegalStateException(name + " is running");
        }
        long started = System.nanoTime();
        service.start(jvmOptions());
        awaitReady(List.of(service), Duration.ofSeconds(120));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** True while the service's JVM runs and it answers ready. */
    public boolean ready(String name) {
        ServiceProcess service = service(name);
        return service.alive() && service.ready();
    }

    /**
     * Restarts the embedded PostgreSQL under the running services: a fast shutdown (their sessions are cut), down for
     * {@code down}, then up again on the same port with the same data. The services are not told.
     */
    public void restartDatabase(Duration down) {
        if (postgres == null) {
            throw new IllegalStateException("No embedded PostgreSQL is running");
        }
        postgres.restart(down);
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /** Points notification-service at the force's SMTP relay when SMTP_HOST is set, else at the embedded mail sink. */
    private void mailSink(Map<String, String> serviceEnv) {
        if (options.env().containsKey("SMTP_HOST")) {
            for (String key : List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_START_TLS")) {
                passThrough(serviceEnv, key);
            }
            step("SMTP: external, " + options.env().get("SMTP_HOST"));
            return;
        }
        int smtpPort = port("OVERSIGHT_SMTP_PORT", 2525);
        int webPort = port("OVERSIGHT_MAIL_PORT", 8025);
        checkFree("OVERSIGHT_SMTP_PORT", smtpPort);
        checkFree("OVERSIGHT_MAIL_PORT", webPort);
        step("Starting the mail sink (GreenMail SMTP on port " + smtpPort + ", mails at http://localhost:" + webPort + ")");
        mail = LocalMailSink.start(options.home().resolve("mail"), smtpPort, webPort);
        serviceEnv.put("SMTP_HOST", "localhost");
        serviceEnv.put("SMTP_PORT", Integer.toString(smtpPort));
        serviceEnv.put("SMTP_START_TLS", "DISABLED");
    }

    /** The embedded mail sink, or null when an external SMTP server is used. */
    public LocalMailSink mailSink() {
        return mail;
    }

    private void add(String name, Map<String, String> env) {
        env.put(variable(name, "MANAGEMENT"), Integer.toString(managementPorts.get(name)));
        // The local stack's logs are read by people: plain lines (with the request and trace ids), not the JSON a
        // deployment's log collector takes.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (brokerUsers != null && BrokerUsers.SERVICES.contains(name)) {
            // Each service logs in to the embedded broker as itself (LocalBroker.ACCESS says what it may do).
            env.put("AMQP_USER", name);
            env.put("AMQP_PASSWORD", brokerUsers.password(name));
        }
        services.add(new ServiceProcess(name, options.repository().resolve(name + "/target/quarkus-app/quarkus-run.jar"),
                ports.get(name), managementPorts.get(name), env, options.home().resolve("logs/" + name + ".log")));
    }

    /** The variable that sets a service's port of this kind (HTTP, MANAGEMENT): OFFENDER_HTTP_PORT, … */
    static String variable(String service, String kind) {
        String prefix = switch (service) {
            case "offender-service" -> "OFFENDER";
            case "visit-scheduler" -> "VISITS";
            case "notification-service" -> "NOTIFY";
            case "audit-service" -> "AUDIT";
            case "assurance-service" -> "ASSURANCE";
            case "api-gateway" -> "GATEWAY";
            case "web-app" -> "WEB";
            default -> throw new IllegalArgumentException("No service " + service);
        };
        return prefix + "_" + kind + "_PORT";
    }

    /**
     * Sign-in for the web app: the force's OpenID Connect provider when OIDC_AUTH_SERVER_URL is set (with its client
     * id and secret), else the embedded one ({@link LocalIdentityProvider}) on OVERSIGHT_OIDC_PORT. The session secret
     * (CSRF tokens, the encrypted session cookie) is kept in the home's keys folder, so sessions outlive a restart.
     */
    private void identityProvider(Map<String, String> web) {
        web.put("WEB_SESSION_SECRET", options.env().getOrDefault("WEB_SESSION_SECRET", keys.secret("web-session")));
        if (options.env().containsKey("OIDC_AUTH_SERVER_URL")) {
            for (String key : List.of("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_ISSUER")) {
                passThrough(web, key);
            }
            step("Sign-in: external OpenID Connect provider, " + options.env().get("OIDC_AUTH_SERVER_URL"));
            return;
        }
        int port = port("OVERSIGHT_OIDC_PORT", 8090);
        checkFree("OVERSIGHT_OIDC_PORT", port);
        step("Starting the local OpenID Connect provider on port " + port);
        identityProvider = LocalIdentityProvider.start(port, keys);
        web.put("OIDC_AUTH_SERVER_URL", identityProvider.url());
        web.put("OIDC_CLIENT_ID", LocalIdentityProvider.CLIENT_ID);
        web.put("OIDC_CLIENT_SECRET", keys.secret("web-client"));
        web.put("OIDC_TOKEN_ISSUER", LocalKeys.ISSUER);
    }

    /** The embedded OpenID Connect provider, or null when the force's own is used. */
    public LocalIdentityProvider identityProvider() {
        return identityProvider;
    }

    /**
     * A home made by an earlier version kept its audit log in offender-service's database: audit-service moves those
     * entries to its own, once (EarlierStoreImport; resumable and idempotent, so pointing it there on every start is safe).
     */
    private void earlierAuditStore(Map<String, String> audit, Map<String, String> offender) {
        if (options.env().containsKey("AUDIT_IMPORT_JDBC_URL")) {
            for (String key : List.of("AUDIT_IMPORT_JDBC_URL", "AUDIT_IMPORT_DB_USER", "AUDIT_IMPORT_DB_PASSWORD")) {
                passThrough(audit, key);
            }
        } else if (!options.env().containsKey("OFFENDER_DB_JDBC_URL")) {
            audit.put("AUDIT_IMPORT_JDBC_URL", offender.get("OFFENDER_DB_JDBC_URL"));
        }
    }

    /** Points a service at an external database when its variable is set, else at a database on the embedded server. */
    private void database(Map<String, String> serviceEnv, String variable, String database) {
        String prefix = variable.substring(0, variable.indexOf("_JDBC_URL"));
        if (options.env().containsKey(variable)) {
            for (String suffix : List.of("_JDBC_URL", "_USER", "_PASSWORD")) {
                passThrough(serviceEnv, prefix + suffix);
            }
            step(database + " database: external, " + options.env().get(variable));
            return;
        }
        if (postgres == null) {
            int port = port("OVERSIGHT_PG_PORT", 55432);
            checkFree("OVERSIGHT_PG_PORT", port);
            step("Starting embedded PostgreSQL on port " + port);
            postgres = LocalPostgres.start(options.home().resolve("postgres"), options.home().resolve("postgres-binaries"),
                    port, options.persistent(), settings(options.env().getOrDefault("OVERSIGHT_PG_SETTINGS", "")));
        }
        postgres.ensureDatabase(database);
        serviceEnv.put(variable, postgres.jdbcUrl(database));
    }

    /** `name=value;name=value` server settings for the embedded PostgreSQL. */
    static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                settings.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return settings;
    }

    private void passThrough(Map<String, String> serviceEnv, String variable) {
        if (options.env().containsKey(variable)) {
            serviceEnv.put(variable, options.env().get(variable));
        }
    }

    private void awaitReady(List<ServiceProcess> these, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> waiting = new ArrayList<>(these);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.name() + " stopped while starting; see " + service.log());
                }
                if (service.ready()) {
                    step(service.name() + " is ready");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(ServiceProcess::name).toList());
            }
            sleep(50);
        }
    }

    public int port(String service) {
        return ports.get(service);
    }

    /** The port of a service's management interface (health, metrics), which only operators reach. */
    public int managementPort(String service) {
        return managementPorts.get(service);
    }

    /** The base URL of a service's management interface, e.g. http://localhost:9081/q. */
    public String managementUrl(String service) {
        return "http://localhost:" + managementPorts.get(service) + "/q";
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public int amqpPort() {
        return amqpPort;
    }

    /** The stack's folder (data, logs, keys). */
    public Path home() {
        return options.home();
    }

    public LocalKeys keys() {
        return keys;
    }

    /** The JDBC URL of a database on the embedded PostgreSQL (for tests that check what a service stored). */
    public String jdbcUrl(String database) {
        if (postgres == null) {
            throw new IllegalStateException("No embedded PostgreSQL is running");
        }
        return postgres.jdbcUrl(database);
    }

    /** The pid of each service's JVM. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    public List<String> serviceNames() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    /** The embedded broker's queue, described in a line (for test diagnostics). */
    public String describeQueue(String queue) {
        return broker == null ? "no embedded broker running" : broker.describe(queue);
    }

    /** Stops the embedded broker, as an outage would (its journal keeps what it held). */
    public void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the embedded broker again on the same port with the same journal. */
    public void startBroker() {
        if (broker == null && amqpPort > 0) {
            broker = LocalBroker.start(options.home().resolve("broker"), amqpPort, true, brokerUsers);
        }
    }

    /** Stops the services (SIGTERM, then kill after a grace period), then the broker and PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(15));
        }
        stopBroker();
        if (identityProvider != null) {
            identityProvider.close();
            identityProvider = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private int port(String variable, int defaultPort) {
        String value = options.env().get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not " + value);
        }
    }

    private static void checkFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use; stop whatever uses it, "
                    + "or choose another port with that variable (see the README)");
        }
    }

    /** Every variable that sets a port of the local stack. */
    public static final List<String> PORT_VARIABLES = List.of("GATEWAY_HTTP_PORT", "OFFENDER_HTTP_PORT", "VISITS_HTTP_PORT",
            "NOTIFY_HTTP_PORT", "AUDIT_HTTP_PORT", "ASSURANCE_HTTP_PORT", "WEB_HTTP_PORT", "GATEWAY_MANAGEMENT_PORT", "OFFENDER_MANAGEMENT_PORT", "VISITS_MANAGEMENT_PORT",
            "NOTIFY_MANAGEMENT_PORT", "AUDIT_MANAGEMENT_PORT", "ASSURANCE_MANAGEMENT_PORT", "WEB_MANAGEMENT_PORT", "GATEWAY_INTERNAL_HTTP_PORT", "OVERSIGHT_OIDC_PORT", "OVERSIGHT_PG_PORT", "OVERSIGHT_AMQP_PORT", "OVERSIGHT_SMTP_PORT", "OVERSIGHT_MAIL_PORT");

    /** Each of {@link #PORT_VARIABLES} set to a free port: a stack that runs beside others (tests, benchmarks). */
    public static Map<String, String> freePorts() {
        Map<String, String> env = new LinkedHashMap<>();
        PORT_VARIABLES.forEach(variable -> env.put(variable, Integer.toString(freePort())));
        return env;
    }

    /**
     * A free local port for tests that run a stack beside others, below Linux's ephemeral range (32768+) so that no
     * outgoing connection takes it between now and the moment the service binds it.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            if (TAKEN.add(port)) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    return port;
                } catch (IOException e) {
                    // In use: try another.
                }
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    /** Ports handed out by {@link #freePort()} in this JVM, never handed out twice. */
    private static final java.util.Set<Integer> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void step(String message) {
        options.log().println("==> " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
