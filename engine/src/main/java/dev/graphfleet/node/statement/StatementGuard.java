package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, on the statement's tokens and before it reaches the engine, whether a query may run. It
 * fails closed: a statement runs only when it is recognised as one of the allowed kinds, and
 * everything else is refused.
 *
 * <ul>
 *   <li>Reads: {@code MATCH}, {@code OPTIONAL MATCH}, {@code UNWIND}, {@code WITH}, {@code RETURN},
 *       {@code UNION}, {@code CALL} of an allowed function, each optionally after {@code EXPLAIN}
 *       or {@code PROFILE}.</li>
 *   <li>Writes, on a node that is not read-only: {@code CREATE}, {@code MERGE}, {@code SET},
 *       {@code DELETE}, {@code DETACH DELETE}, {@code REMOVE}; schema statements ({@code CREATE NODE
 *       TABLE}, {@code CREATE REL TABLE}, {@code CREATE SEQUENCE}, {@code CREATE TYPE}, {@code CREATE
 *       MACRO}, {@code DROP}, {@code ALTER}, {@code COMMENT ON}); {@code CHECKPOINT}; {@code COPY
 *       <table> FROM} only when the policy allows it.</li>
 *   <li>Refused: {@code ATTACH}, {@code DETACH <db>}, {@code USE}, {@code INSTALL}, {@code LOAD},
 *       {@code EXPORT}/{@code IMPORT DATABASE}, {@code COPY ... TO}, {@code CALL option = value},
 *       {@code CALL} of a function not allowed, explicit transactions, and any statement that
 *       begins otherwise.</li>
 * </ul>
 * Keywords in strings, comments and backticked names do not count; the text is read as the engine
 * reads it ({@link CypherTokenizer}), and its shape is bounded first ({@link QueryShape}).
 */
public final class StatementGuard {

    private static final Set<String> READ_LEADS = Set.of("MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL");
    private static final Set<String> WRITE_LEADS = Set.of("CREATE", "MERGE", "SET", "DELETE", "REMOVE");
    /** Words that change the database wherever they stand as a clause. */
    private static final Set<String> WRITE_WORDS = Set.of("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
            "DROP", "ALTER", "COPY", "CHECKPOINT", "COMMENT");

    private final StatementPolicy policy;
    private final QueryShape shape;

    public StatementGuard(StatementPolicy policy) {
        this.policy = policy;
        this.shape = new QueryShape(QueryShape.DEFAULT_LIMITS);
    }

    /** A query sent without parameters. @throws StatementRefusedException naming the statement refused and why */
    public void check(String cypher) {
        check(cypher, Map.of());
    }

    /**
     * @param parameters the values sent with the query: the engine crashes on a parameter that is
     *                   null or missing in some places ({@link EngineCrashes})
     * @throws StatementRefusedException naming the statement refused and why
     */
    public void check(String cypher, Map<String, ?> parameters) {
        List<CypherToken> tokens = CypherTokenizer.tokenize(cypher);
        shape.check(tokens);
        EngineCrashes.check(tokens, parameters);
        for (List<CypherToken> statement : statements(tokens)) {
            if (!statement.isEmpty()) {
                checkLead(statement);
                checkAnywhere(statement);
            }
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

    /** The statement's own keyword, after EXPLAIN [LOGICAL] or PROFILE (PROFILE runs the statement). */
    private void checkLead(List<CypherToken> statement) {
        int at = 0;
        while (at < statement.size() && (keyword(statement, at, "EXPLAIN") || keyword(statement, at, "PROFILE")
                || (at > 0 && keyword(statement, at, "LOGICAL") && keyword(statement, at - 1, "EXPLAIN")))) {
            at++;
        }
        if (at >= statement.size()) {
            throw unrecognised("an EXPLAIN or PROFILE without a statement");
        }
        CypherToken first = statement.get(at);
        if (first.kind() != Kind.WORD) {
            throw unrecognised("a statement that begins with " + shown(first));
        }
        String lead = CypherToken.asciiUpper(first.text());
        if (lead.equals("CALL") && !(name(statement, at + 1) && at + 2 < statement.size()
                && (statement.get(at + 2).isSymbol("(") || statement.get(at + 2).isSymbol("=")))) {
            throw unrecognised("a CALL that is neither CALL function(...) nor CALL option = value");
        }
        if (READ_LEADS.contains(lead)) {
            return; // a query: its clauses are checked token by token
        }
        if (WRITE_LEADS.contains(lead)) {
            if (lead.equals("CREATE") && (keyword(statement, at + 1, "USER") || keyword(statement, at + 1, "ROLE"))) {
                throw denied("CREATE USER/ROLE", "the node has no users or roles of the engine");
            }
            requireWritable(lead);
            return;
        }
        switch (lead) {
            case "DETACH" -> {
                if (!keyword(statement, at + 1, "DELETE")) {
                    throw denied("DETACH", "it would detach a database the node serves");
                }
                requireWritable("DETACH DELETE");
            }
            case "DROP", "ALTER", "COMMENT" -> requireWritable(lead);
            case "CHECKPOINT" -> requireWritable(lead);
            case "COPY" -> checkCopy(statement, at);
            case "BEGIN", "COMMIT", "ROLLBACK" -> throw new StatementRefusedException(Reason.TRANSACTION,
                    "explicit transactions (BEGIN, COMMIT, ROLLBACK) are not supported over HTTP: each request runs "
                            + "in its own transaction");
            case "ATTACH", "USE" -> throw denied(lead, "it would open or switch to another database on the node; "
                    + "query that database's own endpoint, POST /databases/{name}/query");
            case "INSTALL", "UNINSTALL", "UPDATE", "FORCE" -> throw denied(lead,
                    "extensions download and load code on the node");
            case "LOAD" -> throw keyword(statement, at + 1, "FROM") || keyword(statement, at + 1, "WITH")
                    ? denied("LOAD FROM", "it reads files on the node")
                    : denied("LOAD [EXTENSION]", "extensions load code on the node");
            case "EXPORT", "IMPORT" -> throw denied(lead + " DATABASE", "it reads or writes files on the node");
            default -> throw unrecognised("a statement that begins with " + shown(first));
        }
    }

    /** {@code COPY <table> [(columns)] FROM ...} when allowed; every other COPY (to a file) is refused. */
    private void checkCopy(List<CypherToken> statement, int copyAt) {
        int at = copyAt + 1;
        boolean table = at < statement.size()
                && (statement.get(at).kind() == Kind.WORD || statement.get(at).kind() == Kind.QUOTED_NAME);
        if (table) {
            at++;
            if (at < statement.size() && statement.get(at).isSymbol("(")) {
                at = closing(statement, at) + 1;
            }
        }
        if (!table || !keyword(statement, at, "FROM")) {
            throw denied("COPY ... TO", "it writes files on the node");
        }
        if (!policy.allowCopyFrom()) {
            throw denied("COPY ... FROM", "it reads files on the node; a writer that bulk-loads its own "
                    + "files can allow it with node.api.allow_copy_from: true");
        }
        requireWritable("COPY ... FROM");
    }

    private static int closing(List<CypherToken> statement, int open) {
        int depth = 0;
        for (int i = open; i < statement.size(); i++) {
            if (statement.get(i).isSymbol("(")) {
                depth++;
            } else if (statement.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return statement.size();
    }

    /** Clauses inside a statement: LOAD FROM, CALL, and on a read-only node any write. */
    private void checkAnywhere(List<CypherToken> statement) {
        for (int i = 0; i < statement.size(); i++) {
            CypherToken token = statement.get(i);
            if (token.kind() != Kind.WORD || (i > 0 && (statement.get(i - 1).isSymbol(".")
                    || statement.get(i - 1).isSymbol(":")))) {
                continue; // a property or label named like a keyword
            }
            if (token.isKeyword("LOAD") && (keyword(statement, i + 1, "FROM") || keyword(statement, i + 1, "WITH"))) {
                throw denied("LOAD FROM", "it reads files on the node");
            }
            if (token.isKeyword("CALL") && name(statement, i + 1)) {
                checkCall(statement.get(i + 1).text(), i + 2 < statement.size() ? statement.get(i + 2) : null);
            }
            if (policy.readOnly() && WRITE_WORDS.contains(CypherToken.asciiUpper(token.text()))) {
                throw readOnly(CypherToken.asciiUpper(token.text()));
            }
        }
    }

    private void checkCall(String name, CypherToken after) {
        if (after != null && after.isSymbol("=")) {
            throw denied("CALL " + shown(name) + " = ...", "it changes the connection's settings, which would carry "
                    + "over to the next query on the pooled connection; the node's settings come from its config");
        }
        if (after == null || !after.isSymbol("(")) {
            return; // a variable named call, e.g. RETURN call AS x: not a call
        }
        if (!policy.allowedCalls().contains(asciiLower(name))) {
            throw denied("CALL " + shown(name), "only these functions may be called: "
                    + String.join(", ", new TreeSet<>(policy.allowedCalls())));
        }
    }

    private void requireWritable(String what) {
        if (policy.readOnly()) {
            throw readOnly(what);
        }
    }

    private static boolean keyword(List<CypherToken> statement, int at, String keyword) {
        return at >= 0 && at < statement.size() && statement.get(at).isKeyword(keyword);
    }

    private static boolean name(List<CypherToken> statement, int at) {
        return at < statement.size()
                && (statement.get(at).kind() == Kind.WORD || statement.get(at).kind() == Kind.QUOTED_NAME);
    }

    private static String asciiLower(String name) {
        StringBuilder lower = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return lower.toString();
    }

    /** A caller's token in a message: printable ASCII only, at most 40 characters. */
    static String shown(String text) {
        String shortened = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            shown.append(c >= 32 && c < 127 ? String.valueOf(c) : CypherTokenizer.describe(c));
        }
        return shown.toString();
    }

    private static String shown(CypherToken token) {
        return switch (token.kind()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case PARAMETER -> "a parameter";
            case QUOTED_NAME -> "the name `" + shown(token.text()) + "`";
            default -> "'" + shown(token.text()) + "'";
        };
    }

    private static StatementRefusedException denied(String what, String why) {
        return new StatementRefusedException(Reason.DENIED, what + " is not allowed over the API: " + why);
    }

    private static StatementRefusedException unrecognised(String what) {
        return new StatementRefusedException(Reason.UNRECOGNISED, what + " is not a statement the node recognises: "
                + "it runs queries (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CALL of an allowed function), "
                + "writes (CREATE, MERGE, SET, DELETE, DETACH DELETE) and schema statements on writers, "
                + "each optionally after EXPLAIN or PROFILE");
    }

    private static StatementRefusedException readOnly(String what) {
        return new StatementRefusedException(Reason.READ_ONLY, "this node serves its databases read-only and refuses "
                + "writes (" + what + "): send writes to the writer");
    }
}
