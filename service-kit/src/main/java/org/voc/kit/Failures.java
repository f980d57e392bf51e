package org.voc.kit;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.voc.kit.problem.TooManyRequests;
import org.voc.kit.problem.Unavailable;

/**
 * Tells a failure that will pass (the database or the broker away, a lock or a queue busy) from one that will come
 * back on every attempt (a value the database refuses, a bug). The inbound-event policy retries the first kind and
 * dead-letters the second; the group-commit writer answers a refused value 400, anything else 503.
 */
public final class Failures {

    private Failures() {}

    /** True when sending the same thing again later may succeed. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Unavailable
                    || t instanceof TooManyRequests
                    || t instanceof TimeoutException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                return transientState(sql.getSQLState());
            }
        }
        return false;
    }

    /**
     * True when PostgreSQL refused the content itself: SQLSTATE class 22, data exception (a value too long for its
     * column, a number out of range, an invalid text encoding), or 23, integrity constraint violation. The same rows
     * fail every time they are sent.
     */
    public static boolean isRefusedContent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }

    /**
     * Connection (08), transaction rollback such as serialization failure or deadlock (40), insufficient resources
     * (53), operator intervention such as a restarting server (57), system error (58), lock not available (55P03).
     * A missing state is a client-side failure, typically no connection from the pool in time.
     */
    private static boolean transientState(String state) {
        return state == null
                || state.startsWith("08")
                || state.startsWith("40")
                || state.startsWith("53")
                || state.startsWith("57")
                || state.startsWith("58")
                || state.equals("55P03");
    }
}
