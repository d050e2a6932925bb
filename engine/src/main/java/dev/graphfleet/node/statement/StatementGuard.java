package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Decides, on the statement's tokens and before it reaches the engine, whether a query may run: a
 * query must not reach the node's files or other databases. Refused: {@code ATTACH}, {@code DETACH}
 * (but not {@code DETACH DELETE}), {@code USE}, {@code COPY ... TO}, {@code COPY ... FROM} (unless
 * allowed), {@code LOAD FROM}, {@code LOAD [EXTENSION]}, {@code INSTALL}, {@code UNINSTALL},
 * {@code EXPORT}/{@code IMPORT DATABASE}, {@code CALL option = value}, {@code CALL} of a function not
 * allowed, and explicit transactions. Keywords in strings, comments and backticked names do not count.
 */
public final class StatementGuard {

    private final StatementPolicy policy;

    public StatementGuard(StatementPolicy policy) {
        this.policy = policy;
    }

    /** @throws StatementRefusedException naming the statement refused and why */
    public void check(String cypher) {
        for (List<CypherToken> statement : statements(CypherTokenizer.tokenize(cypher))) {
            checkLead(statement);
            checkAnywhere(statement);
        }
    }

    private static List<List<CypherToken>> statements(List<CypherToken> tokens) {
        List<List<CypherToken>> statements = new ArrayList<>();
        List<CypherToken> current = new ArrayList<>();
        for (CypherToken token : tokens) {
            if (token.isSymbol(";")) {
                statements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        statements.add(current);
        return statements;
    }

    /** The statement's own keyword, after EXPLAIN or PROFILE (PROFILE runs the statement). */
    private void checkLead(List<CypherToken> statement) {
        int at = 0;
        while (at < statement.size() && (statement.get(at).isKeyword("EXPLAIN") || statement.get(at).isKeyword("PROFILE"))) {
            at++;
        }
        if (at >= statement.size() || statement.get(at).kind() != Kind.WORD) {
            return;
        }
        String lead = CypherToken.asciiUpper(statement.get(at).text());
        switch (lead) {
            case "BEGIN", "COMMIT", "ROLLBACK" -> throw new StatementRefusedException(Reason.TRANSACTION,
                    "explicit transactions (BEGIN, COMMIT, ROLLBACK) are not supported over HTTP: each request runs "
                            + "in its own transaction");
            case "ATTACH", "USE" -> throw denied(lead, "it would open or switch to another database on the node; "
                    + "query that database's own endpoint, POST /databases/{name}/query");
            case "DETACH" -> {
                if (at + 1 >= statement.size() || !statement.get(at + 1).isKeyword("DELETE")) {
                    throw denied(lead, "it would detach a database the node serves");
                }
            }
            case "INSTALL", "UNINSTALL" -> throw denied(lead, "extensions download and load code on the node");
            case "LOAD" -> {
                CypherToken next = at + 1 < statement.size() ? statement.get(at + 1) : null;
                if (next == null || !(next.isKeyword("FROM") || next.isKeyword("WITH"))) {
                    throw denied("LOAD [EXTENSION]", "extensions load code on the node");
                }
            }
            case "EXPORT", "IMPORT" -> throw denied(lead + " DATABASE", "it reads or writes files on the node");
            case "COPY" -> checkCopy(statement, at);
            default -> {
                // an ordinary clause; the rest is checked token by token
            }
        }
    }

    private void checkCopy(List<CypherToken> statement, int copyAt) {
        int depth = 0;
        for (int i = copyAt + 1; i < statement.size(); i++) {
            CypherToken token = statement.get(i);
            if (token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}")) {
                depth--;
            } else if (depth == 0 && token.isKeyword("TO")) {
                throw denied("COPY ... TO", "it writes files on the node");
            } else if (depth == 0 && token.isKeyword("FROM")) {
                if (!policy.allowCopyFrom()) {
                    throw denied("COPY ... FROM", "it reads files on the node; a writer that bulk-loads its own "
                            + "files can allow it with node.api.allow_copy_from: true");
                }
                return;
            }
        }
    }

    private void checkAnywhere(List<CypherToken> statement) {
        for (int i = 0; i < statement.size(); i++) {
            CypherToken token = statement.get(i);
            if (i > 0 && (statement.get(i - 1).isSymbol(".") || statement.get(i - 1).isSymbol(":"))) {
                continue; // a property or label named like a keyword
            }
            CypherToken next = i + 1 < statement.size() ? statement.get(i + 1) : null;
            if (token.isKeyword("LOAD") && next != null && (next.isKeyword("FROM") || next.isKeyword("WITH"))) {
                throw denied("LOAD FROM", "it reads files on the node");
            }
            if (token.isKeyword("CALL") && next != null && (next.kind() == Kind.WORD || next.kind() == Kind.QUOTED_NAME)) {
                checkCall(next.text(), i + 2 < statement.size() ? statement.get(i + 2) : null);
            }
        }
    }

    private void checkCall(String name, CypherToken after) {
        if (after != null && after.isSymbol("=")) {
            throw denied("CALL " + name + " = ...", "it changes the connection's settings, which would carry over "
                    + "to the next query on the pooled connection; the node's settings come from its config");
        }
        if (!policy.allowedCalls().contains(name.toLowerCase(Locale.ROOT))) {
            throw denied("CALL " + name, "only these functions may be called: "
                    + String.join(", ", new TreeSet<>(policy.allowedCalls())));
        }
    }

    private static StatementRefusedException denied(String what, String why) {
        return new StatementRefusedException(Reason.DENIED, what + " is not allowed over the API: " + why);
    }
}
