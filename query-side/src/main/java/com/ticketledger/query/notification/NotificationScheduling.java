package com.ticketledger.query.notification;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The deadline scan on db-scheduler: a recurring task in the query side's own table
 * ({@code notification_scheduled_tasks}; the command side keeps its scheduled tasks in another), which the
 * instances that take part pick in turn, so that the scan runs once at a time however many query sides there are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.notifications.scan.enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling {

    static final String TABLE = "notification_scheduled_tasks";

    @Bean
    RecurringTask<Void> deadlineScanTask(DeadlineScan scan, NotificationProperties properties) {
        return Tasks.recurring("notification-deadline-scan", FixedDelay.of(properties.scan().interval()))
                .execute((instance, context) -> scan.scan());
    }

    /** Started with the other lifecycle beans, once every table is migrated, and stopped before the pool closes. */
    @Bean
    SmartLifecycle notificationSchedulerLifecycle(Scheduler notificationScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                notificationScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                notificationScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    Scheduler notificationScheduler(DataSource dataSource, RecurringTask<Void> deadlineScanTask,
            NotificationProperties properties) {
        Duration interval = properties.scan().interval();
        Duration polling = interval.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : interval.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : interval;
        return Scheduler.create(dataSource)
                .tableName(TABLE)
                .startTasks(deadlineScanTask)
                .pollingInterval(polling)
                .threads(1)
                .build();
    }
}
