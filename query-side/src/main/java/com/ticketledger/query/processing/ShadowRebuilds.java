package com.ticketledger.query.processing;

import com.ticketledger.events.TicketEvent;
import com.ticketledger.store.LedgerBatches;
import com.ticketledger.store.StoredEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds a projection without a moment of wrong answers (docs/design.md, "Rebuilding a projection"). The
 * projection's own handlers, under a token of their own ({@code <group>.rebuild}), read the ledger from the first
 * event into copies of the projection's tables ({@link ProcessingGroups#TABLES}, {@link ShadowTables}): each
 * of its transactions sets {@code search_path} to the copies' schema first, so the handlers' unqualified SQL writes
 * the copies while the token store, the ledger and the dead-letter queue resolve to {@code public}. Reads go on
 * answering from the live tables, which the live processor keeps current. A first pass reads up to the head
 * without Axon's processor between the rows and the handlers ({@link LedgerFill}); a processor of the same handlers
 * goes on from its token. Once the copies hold the head, they are
 * made complete (every index); once they hold every event the live tables hold, ONE transaction drops the
 * live tables, moves the copies into their place and gives the live processor the rebuild's token (its processor has
 * one segment: each of the live processor's segments gets it) and dead letters. The live processor is stopped on
 * this instance for that moment; another instance's live processor loses its claims then (its tokens were replaced)
 * and claims again from the new ones.
 *
 * <p>The rebuild reads every event as a replay ({@link ReplayToken} with no end), so a handler that
 * decides on a replay (the notifications) decides nothing. One rebuild of a projection at a time across instances:
 * a session advisory lock, held on a connection of its own for the whole rebuild. A rebuild this instance stops
 * before its swap (a shutdown, a crash) leaves the live tables as they were; its copies are discarded at the next
 * start of an instance (a new rebuild starts from the first event again).
 */
@Component
public class ShadowRebuilds {

    /** Where a rebuild is. */
    public enum Phase {
        /** Its processor reads the ledger into the copies. */
        FILLING,
        /** It holds the head; its copies get the indexes only reads use, and statistics. */
        INDEXING,
        /** It reads what arrived meanwhile. */
        CATCHING_UP,
        /** It takes the live tables' place. */
        SWAPPING
    }

    /**
     * A rebuild under way.
     *
     * @param position the lowest position every segment of its processor has passed
     */
    public record Progress(Phase phase, Instant startedAt, long position) {
    }

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuilds.class);
    private static final String SUFFIX = ".rebuild";
    private static final long POLL_MILLIS = 100;
    private static final int SWAP_ATTEMPTS = 20;
    /** A live processor that takes longer to stop for a swap is logged: its readers wait meanwhile for new events. */
    private static final long SLOW_STOP_MILLIS = 1_000;
    /** The token a rebuild starts with: a replay to the end of time, so every event it reads is replayed. */
    private static final ReplayToken NEVER_ENDING_REPLAY =
            new ReplayToken(GapAwareTrackingToken.newInstance(Long.MAX_VALUE, List.of()));

    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final TokenStore tokenStore;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ConnectionProvider connections;
    private final DeadLetterSchema deadLetterSchema;
    private final WatchedEventSource ledger;
    private final ProjectionPositions positions;
    private final StoredEvents storedEvents;
    private final ProcessingProperties properties;
    private final Serializer serializer;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LedgerFill fill;
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();
    private final ExecutorService supervisors = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ShadowRebuilds(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon,
            TokenStore tokenStore, TransactionManager axonTransactions, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, DataSource dataSource, ConnectionProvider connections, DeadLetterSchema deadLetterSchema,
            WatchedEventSource ledger, ProjectionPositions positions, StoredEvents storedEvents,
            ProcessingProperties properties, Serializer serializer, Clock clock, MeterRegistry meters,
            LedgerBatches ledgerBatches) {
        this.processing = processing;
        this.axon = axon;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.connections = connections;
        this.deadLetterSchema = deadLetterSchema;
        this.ledger = ledger;
        this.positions = positions;
        this.storedEvents = storedEvents;
        this.properties = properties;
        this.serializer = serializer;
        this.clock = clock;
        this.meters = meters;
        this.fill = new LedgerFill(ledgerBatches, tokenStore);
    }

    /** The name a rebuild of {@code group} stores its tokens and dead letters under. */
    public static String tokenName(String group) {
        return group + SUFFIX;
    }

    /** What a rebuild may answer when asked to start. */
    public enum Started {
        STARTED, RESTARTED, RUNNING_ELSEWHERE, NO_SUCH_PROJECTION
    }

    /**
     * Starts rebuilding {@code group}; it goes on in the background (watch {@link #progress}). A rebuild already
     * under way here starts over from the first event: it may have met events before the fix it is asked for.
     */
    public synchronized Started start(String group) {
        List<String> tables = ProcessingGroups.TABLES.get(group);
        Optional<PooledStreamingEventProcessor> live =
                processing.eventProcessor(group, PooledStreamingEventProcessor.class);
        if (tables == null || live.isEmpty()) {
            return Started.NO_SUCH_PROJECTION;
        }
        boolean again = running.containsKey(group);
        abandon(group);
        Connection lock = lock(group);
        if (lock == null) {
            return Started.RUNNING_ELSEWHERE;
        }
        swapWaits(group); // the metric is there, at 0, from the first rebuild on, not from its first wait
        try {
            Rebuild rebuild = new Rebuild(group, live.get(), new ShadowTables(jdbc, transactions, group, tables), lock);
            discard(rebuild.tables, group);
            rebuild.tables.create();
            rebuild.handlers = handlers(rebuild);
            rebuild.processor = shadowProcessor(rebuild);
            running.put(group, rebuild);
            rebuild.supervisor = supervisors.submit(() -> supervise(rebuild));
            log.info("rebuilding {} into schema {}", group, rebuild.tables.schema());
            return again ? Started.RESTARTED : Started.STARTED;
        } catch (RuntimeException e) {
            running.remove(group);
            release(lock);
            throw e;
        }
    }

    public boolean isRebuilding(String group) {
        return running.containsKey(group);
    }

    public Optional<Progress> progress(String group) {
        Rebuild rebuild = running.get(group);
        if (rebuild == null) {
            return Optional.empty();
        }
        return Optional.of(new Progress(rebuild.phase, rebuild.startedAt,
                positions.position(tokenName(group), rebuild.processor)));
    }

    /**
     * Stops the rebuild of {@code group} here as a crash would: its processor stops where it is, the live tables
     * stay as they are and keep being kept current. Its copies stay until discarded ({@link #discardLeftovers}).
     */
    public void abandon(String group) {
        Rebuild rebuild = running.remove(group);
        if (rebuild == null) {
            return;
        }
        rebuild.abandoned = true;
        rebuild.processor.shutDown();
        try {
            // its supervisor sees it and stops (a swap under way rolls back or ends first)
            if (rebuild.supervisor != null) {
                rebuild.supervisor.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("the abandoned rebuild of {} did not stop in time", group, e);
        }
        rebuild.processor.shutDown();
        rebuild.shutDownExecutors();
        release(rebuild.lock);
        log.warn("rebuild of {} abandoned before its swap; the live tables keep serving", group);
    }

    @PreDestroy
    void stop() {
        List.copyOf(running.keySet()).forEach(this::abandon);
        supervisors.shutdownNow();
    }

    /**
     * A rebuild no instance runs any more (it stopped before its swap): its copies, tokens and dead letters go.
     * Asked at every start; a rebuild another instance runs holds its lock and is left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void discardLeftovers() {
        for (Map.Entry<String, List<String>> group : ProcessingGroups.TABLES.entrySet()) {
            if (running.containsKey(group.getKey())) {
                continue;
            }
            ShadowTables tables = new ShadowTables(jdbc, transactions, group.getKey(), group.getValue());
            long tokens = jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = :n")
                    .param("n", tokenName(group.getKey())).query(Long.class).single();
            if (!tables.exists() && tokens == 0) {
                continue;
            }
            Connection lock = lock(group.getKey());
            if (lock == null) {
                continue;
            }
            try {
                discard(tables, group.getKey());
                log.info("discarded an unfinished rebuild of {}", group.getKey());
            } finally {
                release(lock);
            }
        }
    }

    private void discard(ShadowTables tables, String group) {
        tables.drop();
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = :n").param("n", tokenName(group)).update();
        jdbc.sql("DELETE FROM dead_letter_entry WHERE processing_group = :n").param("n", tokenName(group)).update();
    }

    /** One rebuild of a group at a time across instances: a session lock, on a connection kept for it. */
    private Connection lock(String group) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext(?))")) {
                statement.setString(1, "ledger-rebuild:" + group);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild's lock of " + group, e);
        }
    }

    private static void release(Connection lock) {
        try (lock; PreparedStatement statement = lock.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            statement.execute();
        } catch (SQLException e) {
            log.debug("the rebuild's lock goes with its connection", e);
        }
    }

    private final class Rebuild {
        final String group;
        final PooledStreamingEventProcessor live;
        final ShadowTables tables;
        final Connection lock;
        final Instant startedAt = clock.instant();
        final ScheduledExecutorService coordinator;
        final ScheduledExecutorService workers;
        volatile LedgerFill.Handlers handlers;
        volatile PooledStreamingEventProcessor processor;
        volatile Phase phase = Phase.FILLING;
        volatile boolean abandoned;
        volatile java.util.concurrent.Future<?> supervisor;

        Rebuild(String group, PooledStreamingEventProcessor live, ShadowTables tables, Connection lock) {
            this.group = group;
            this.live = live;
            this.tables = tables;
            this.lock = lock;
            this.coordinator = Executors.newScheduledThreadPool(1, named("Coordinator[" + tokenName(group) + "]"));
            this.workers = Executors.newScheduledThreadPool(1, named("WorkPackage[" + tokenName(group) + "]"));
        }

        void shutDownExecutors() {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The live processor's handlers as the rebuild's own: its token name, its dead-letter queue (where the live one
     * has one), transactions that write the copies, large batches, and every event into the batches, handled or
     * not ({@link EveryEventInvoker}), so that the stored token the swap compares keeps up. The first pass
     * ({@link LedgerFill}) and then the rebuild's processor hand events to them.
     */
    private LedgerFill.Handlers handlers(Rebuild rebuild) {
        String name = tokenName(rebuild.group);
        TransactionManager writesCopies = new CopiesTransactions(rebuild.tables.schema());
        List<EventMessageHandler> handlers = new ArrayList<>();
        List<SequencingPolicy<? super EventMessage<?>>> policies = new ArrayList<>();
        collect(rebuild.live.eventHandlerInvoker(), handlers, policies);
        EventHandlerInvoker invoker;
        if (processing.deadLetterQueue(rebuild.group).isPresent()) {
            invoker = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(handlers)
                    .sequencingPolicy(policies.get(0))
                    .queue(JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(name)
                            .connectionProvider(connections)
                            .transactionManager(writesCopies)
                            .schema(deadLetterSchema)
                            .genericSerializer(axon.serializer())
                            .eventSerializer(axon.eventSerializer())
                            .build())
                    .transactionManager(writesCopies)
                    .enableSequenceIdentifierCache()
                    .build();
        } else {
            invoker = SimpleEventHandlerInvoker.builder().eventHandlers(handlers).sequencingPolicy(policies.get(0))
                    .build();
        }
        return new LedgerFill.Handlers(name, new EveryEventInvoker(invoker), policies.get(0), ShadowRebuilds::ofATicket,
                List.of(new EventCorrelation(name), new HandledResult()), writesCopies, NEVER_ENDING_REPLAY,
                properties.rebuildBatchSize(), properties.rebuildWorkers());
    }

    /**
     * Whether {@code event} is a ticket's: in any projection ({@link ProcessingGroups#TABLES}) it changes only that
     * ticket's rows, and adds at most a row of its own elsewhere (a duplicate's closing, in its original's timeline),
     * never one another ticket's event changes; so a rebuild's first pass hands the tickets' events to its workers
     * side by side, each ticket's to one of them ({@link LedgerFill}).
     */
    private static boolean ofATicket(EventMessage<?> event) {
        return TicketEvent.class.isAssignableFrom(event.getPayloadType());
    }

    /**
     * A processor of the rebuild's handlers, which goes on where the first pass stopped, with one segment whatever
     * the live processor has: Axon offers each event to each work package and counts its queue (up to 1,024
     * events) every time, a third of the coordinator's CPU in a profiled rebuild of two, and each work package's
     * batch pays its own transaction. The swap gives every live segment the one segment's token.
     */
    private PooledStreamingEventProcessor shadowProcessor(Rebuild rebuild) {
        LedgerFill.Handlers handlers = rebuild.handlers;
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(handlers.name())
                .eventHandlerInvoker(handlers.invoker())
                .messageSource(ledger)
                .tokenStore(tokenStore)
                .transactionManager(handlers.transactions())
                .coordinatorExecutor(rebuild.coordinator)
                .workerExecutor(rebuild.workers)
                .initialSegmentCount(1)
                .initialToken(source -> handlers.replay())
                .batchSize(handlers.batchSize())
                .claimExtensionThreshold(properties.claimExtension().toMillis())
                .build();
        handlers.interceptors().forEach(processor::registerHandlerInterceptor);
        return processor;
    }

    @SuppressWarnings("unchecked")
    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers,
            List<SequencingPolicy<? super EventMessage<?>>> policies) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers, policies));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
            policies.add(simple.getSequencingPolicy());
        } else {
            throw new IllegalStateException("cannot rebuild from handlers in " + invoker.getClass());
        }
    }

    /**
     * Axon's transactions, each made to write the copies: their schema first on the search path, so the
     * projections' unqualified table names resolve to them and everything else to {@code public}. Their commits do
     * not wait for the disk, as no processor's do ({@code ProcessingConfiguration}). No sequential scans: the
     * copies have no statistics until they are complete, and a batch's look-up of its tickets' rows
     * ({@code ticket_id = ANY(...)}), planned while a copy was small, went on scanning the whole copy as it grew
     * (18 ms a batch at 25,000 tickets); every statement of a rebuild's batch reads by a key.
     */
    private final class CopiesTransactions implements TransactionManager {

        private final String searchPath;

        CopiesTransactions(String schema) {
            this.searchPath = schema + ", public";
        }

        @Override
        public Transaction startTransaction() {
            Transaction transaction = axonTransactions.startTransaction();
            try {
                jdbc.sql("""
                                SELECT set_config('search_path', :path, true),
                                       set_config('enable_seqscan', 'off', true)""")
                        .param("path", searchPath).query().listOfRows();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }

    private void supervise(Rebuild rebuild) {
        try {
            long started = System.nanoTime();
            long passed = fill.fill(rebuild.handlers, () -> rebuild.abandoned);
            if (rebuild.abandoned) {
                throw new Abandoned();
            }
            log.info("the first pass of {} read {} events in {} ms", rebuild.group, passed,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            rebuild.processor.start();
            await(rebuild, () -> holdsHead(rebuild));
            rebuild.phase = Phase.INDEXING;
            long indexing = System.nanoTime();
            rebuild.processor.shutDown();
            rebuild.tables.complete();
            log.info("the copies of {} were made complete (indexed, analysed) in {} ms", rebuild.group,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - indexing));
            rebuild.phase = Phase.CATCHING_UP;
            rebuild.processor.start();
            await(rebuild, () -> holdsHead(rebuild));
            rebuild.phase = Phase.SWAPPING;
            for (int attempt = 1; ; attempt++) {
                if (swapped(rebuild)) {
                    break;
                }
                if (attempt == SWAP_ATTEMPTS) {
                    throw new IllegalStateException("the live processor kept ahead of the rebuild");
                }
                rebuild.processor.start();
                await(rebuild, () -> holdsHead(rebuild));
            }
            if (!running.remove(rebuild.group, rebuild)) {
                return; // abandoned meanwhile: abandon() releases it
            }
            rebuild.shutDownExecutors();
            release(rebuild.lock);
            log.info("rebuilt {} in {}", rebuild.group, Duration.between(rebuild.startedAt, clock.instant()));
        } catch (Abandoned e) {
            // abandon() has stopped it
        } catch (RuntimeException | InterruptedException e) {
            log.error("rebuild of {} failed; the live tables keep serving", rebuild.group, e);
            if (running.remove(rebuild.group, rebuild)) {
                rebuild.processor.shutDown();
                rebuild.shutDownExecutors();
                try {
                    discard(rebuild.tables, rebuild.group);
                } catch (RuntimeException cleanup) {
                    log.warn("could not discard the failed rebuild of {}", rebuild.group, cleanup);
                }
                release(rebuild.lock);
            }
        }
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private void await(Rebuild rebuild, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (rebuild.abandoned) {
                throw new Abandoned();
            }
            if (rebuild.processor.isError()) {
                throw new IllegalStateException("the rebuild's processor stopped in error");
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        if (rebuild.abandoned) {
            throw new Abandoned();
        }
    }

    private boolean holdsHead(Rebuild rebuild) {
        return positions.position(tokenName(rebuild.group), rebuild.processor) >= storedEvents.headPosition();
    }

    /**
     * The swap, with the live processor stopped here: once the rebuild holds every event the live tables hold,
     * in one transaction. False (and nothing changed) when the live tables were still ahead.
     */
    private boolean swapped(Rebuild rebuild) throws InterruptedException {
        long stopping = System.nanoTime();
        rebuild.live.shutDown();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        if (stopMillis > SLOW_STOP_MILLIS) {
            log.info("the live processor of {} took {} ms to stop for the swap", rebuild.group, stopMillis);
        }
        try {
            // the live tokens are still now, here: the rebuild reads on until it has passed them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Map<Integer, TrackingToken> rebuilt = tokens(tokenName(rebuild.group));
            Map<Integer, TrackingToken> live = tokens(rebuild.group);
            while (!covers(rebuilt, live) && System.nanoTime() < deadline) {
                if (rebuild.abandoned) {
                    throw new Abandoned();
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                rebuilt = tokens(tokenName(rebuild.group));
                live = tokens(rebuild.group);
            }
            if (!covers(rebuilt, live)) {
                swapWaits(rebuild.group).increment();
                log.info("the rebuild of {} has not passed the live tokens in 10 s (rebuilt {}, live {}); "
                        + "it reads on and tries again", rebuild.group, rebuilt, live);
            }
            rebuild.processor.shutDown();
            try {
                return Boolean.TRUE.equals(transactions.execute(tx -> swap(rebuild)));
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                // another instance's batch and the swap waited for each other (or the readers for too long): again
                log.info("the swap of {} gave way to another transaction; trying again", rebuild.group, e);
                return false;
            }
        } finally {
            rebuild.live.start();
        }
    }

    private boolean swap(Rebuild rebuild) {
        String group = rebuild.group;
        String shadow = tokenName(group);
        jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
        if (rebuild.abandoned) {
            throw new Abandoned();
        }
        rebuild.tables.lockLive();
        // the live tokens, held still: another instance's batch waits for the swap, then finds its claim gone
        List<Integer> liveSegments = jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = :n FOR UPDATE")
                .param("n", group).query(Integer.class).list();
        Map<Integer, TrackingToken> rebuilt = tokens(shadow);
        if (!covers(rebuilt, tokens(group))) {
            return false;
        }
        rebuild.tables.replaceLive();
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = :n").param("n", group).update();
        TrackingToken current = current(rebuilt.get(0));
        SerializedObject<byte[]> serialized = current == null ? null : serializer.serialize(current, byte[].class);
        (liveSegments.isEmpty() ? List.of(0) : liveSegments).forEach(segment -> {
            jdbc.sql("""
                            INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
                            VALUES (:n, :s, :token, :type, :at, NULL)""")
                    .param("n", group).param("s", segment)
                    .param("token", serialized == null ? null : serialized.getData())
                    .param("type", serialized == null ? null : serialized.getType().getName())
                    .param("at", clock.instant().toString())
                    .update();
        });
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = :n").param("n", shadow).update();
        jdbc.sql("DELETE FROM dead_letter_entry WHERE processing_group = :n").param("n", group).update();
        jdbc.sql("UPDATE dead_letter_entry SET processing_group = :n WHERE processing_group = :s")
                .param("n", group).param("s", shadow).update();
        return true;
    }

    /**
     * How many times a swap of {@code group}'s rebuild found, after waiting, that the copies' stored token had not
     * passed the live tokens yet (each time it reads on and tries again): the metric
     * {@code ledger.projection.rebuild_swap_waits}, tagged {@code projection}.
     */
    public Counter swapWaits(String group) {
        return Counter.builder("ledger.projection.rebuild_swap_waits")
                .description("Swaps of a rebuild that waited 10 s for the copies' stored token to pass the live one")
                .tag("projection", group)
                .register(meters);
    }

    /** Each segment's stored token (null for one that has processed nothing). */
    private Map<Integer, TrackingToken> tokens(String processorName) {
        Map<Integer, TrackingToken> tokens = new java.util.TreeMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = :n")
                .param("n", processorName)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    tokens.put(rs.getInt("segment"), token == null || type == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                                    new SimpleSerializedType(type, null))));
                });
        return tokens;
    }

    /** Whether every segment of the rebuild has handled every event any live segment has. */
    static boolean covers(Map<Integer, TrackingToken> rebuilt, Map<Integer, TrackingToken> live) {
        if (rebuilt.isEmpty()) {
            return false;
        }
        for (TrackingToken rebuiltToken : rebuilt.values()) {
            TrackingToken mine = current(rebuiltToken);
            for (TrackingToken liveToken : live.values()) {
                TrackingToken theirs = current(liveToken);
                if (theirs != null && (mine == null || !mine.covers(theirs))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A replay's current token, or the token itself. */
    private static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }
}
