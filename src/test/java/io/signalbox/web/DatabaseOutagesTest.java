package io.signalbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (503, retry) and which are faults to report (500). */
class DatabaseOutagesTest {

    @Test
    void aRefusedConnectionWrappedByHibernateAndTheTransactionIsAnOutage() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        Throwable wrapped = new IllegalStateException(
                "transaction failed", new JDBCConnectionException("Unable to acquire JDBC Connection", refused));
        assertThat(DatabaseOutages.explains(wrapped)).isTrue();
    }

    @Test
    void aConnectionBrokenInUseOrAServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutages.explains(new SQLException("An I/O error occurred", "08006")))
                .isTrue();
        assertThat(DatabaseOutages.explains(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseOutages.explains(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseOutages.explains(new SQLException("too many connections", "53300")))
                .isTrue();
    }

    @Test
    void thePoolGivingUpIsAnOutage() {
        SQLException waited = new SQLException("Acquisition timeout while waiting for new connection");
        assertThat(DatabaseOutages.explains(new GenericJDBCException("Unable to acquire JDBC Connection", waited)))
                .isTrue();
        assertThat(DatabaseOutages.explains(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
    }

    @Test
    void statementsTheDatabaseRefusedAndOtherFaultsAreNot() {
        assertThat(DatabaseOutages.explains(new PersistenceException(
                        "constraint", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(DatabaseOutages.explains(new SQLException("invalid byte sequence", "22021")))
                .isFalse();
        assertThat(DatabaseOutages.explains(new SQLException("protocol violation", "08P01")))
                .as("a protocol violation is a bug, not an outage")
                .isFalse();
        assertThat(DatabaseOutages.explains(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutages.explains(new IllegalStateException("boom"))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsIsReadToAnEnd() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutages.explains(first)).isFalse();
    }
}
