package dev.graphfleet.local;

import dev.graphfleet.pool.GraphPool;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generates the shared repositories of the local fleet as real databases with the shape of the
 * public financial data the fleet serves (documented in docs/local-fleet.md):
 *
 * <pre>
 * (:Company {cik, name, sector})-[:FILED]->(:Filing {accession, form, filed})
 * (:Filing)-[:REPORTS]->(:Fact {id, value, unit})-[:OF_ELEMENT]->(:Element {qname, label})
 * (:Fact)-[:FOR_PERIOD]->(:Period {id, start, end})
 * </pre>
 */
public final class SampleRepositories {

    public static final List<String> NAMES = List.of("sec", "industry", "economic");

    private SampleRepositories() {
    }

    /** Creates the repository in {@code pool} unless it already has its tables. */
    public static boolean ensure(GraphPool pool, String name, SampleSizes sizes, Consumer<String> progress) {
        if (!pool.query(name, "CALL show_tables() RETURN name").isEmpty()) {
            return false;
        }
        progress.accept("generating sample repository " + name + " (" + sizes.facts() + " facts)");
        for (String ddl : List.of(
                "CREATE NODE TABLE Company(cik STRING, name STRING, sector STRING, PRIMARY KEY(cik))",
                "CREATE NODE TABLE Filing(accession STRING, form STRING, filed DATE, PRIMARY KEY(accession))",
                "CREATE NODE TABLE Element(qname STRING, label STRING, PRIMARY KEY(qname))",
                "CREATE NODE TABLE Period(id INT64, start DATE, `end` DATE, PRIMARY KEY(id))",
                "CREATE NODE TABLE Fact(id INT64, value DOUBLE, unit STRING, PRIMARY KEY(id))",
                "CREATE REL TABLE FILED(FROM Company TO Filing)",
                "CREATE REL TABLE REPORTS(FROM Filing TO Fact)",
                "CREATE REL TABLE OF_ELEMENT(FROM Fact TO Element)",
                "CREATE REL TABLE FOR_PERIOD(FROM Fact TO Period)")) {
            pool.query(name, ddl);
        }
        int filings = sizes.companies() * sizes.filingsPerCompany();
        long facts = sizes.facts();
        String prefix = name.toUpperCase();
        pool.query(name, "UNWIND range(1, " + sizes.companies() + ") AS i CREATE (:Company {cik: '" + prefix
                + "-' + CAST(i AS STRING), name: 'Company ' + CAST(i AS STRING), "
                + "sector: ['energy', 'finance', 'health', 'industrials', 'technology'][i % 5 + 1]})");
        pool.query(name, "UNWIND range(1, " + sizes.elements() + ") AS i CREATE (:Element {qname: 'us-gaap:Concept'"
                + " + CAST(i AS STRING), label: 'Concept ' + CAST(i AS STRING)})");
        pool.query(name, "UNWIND range(1, " + sizes.periods() + ") AS i CREATE (:Period {id: i, "
                + "start: date('2015-01-01') + to_days(i * 91), `end`: date('2015-01-01') + to_days(i * 91 + 90)})");
        pool.query(name, "UNWIND range(1, " + filings + ") AS i CREATE (:Filing {accession: '" + prefix
                + "-F' + CAST(i AS STRING), form: ['10-K', '10-Q', '8-K'][i % 3 + 1], "
                + "filed: date('2016-01-01') + to_days(i % 3000)})");
        // Relationships join on primary keys (index lookups), never on scans.
        String cik = "'" + prefix + "-' + CAST((i - 1) % " + sizes.companies() + " + 1 AS STRING)";
        String accession = "'" + prefix + "-F' + CAST(i AS STRING)";
        pool.query(name, "UNWIND range(1, " + filings + ") AS i MATCH (c:Company {cik: " + cik + "}), "
                + "(f:Filing {accession: " + accession + "}) CREATE (c)-[:FILED]->(f)");
        pool.query(name, "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i, value: i * 1000.0 + 0.5, "
                + "unit: ['USD', 'shares', 'pure'][i % 3 + 1]})");
        pool.query(name, "UNWIND range(1, " + facts + ") AS i MATCH (f:Filing {accession: '" + prefix
                + "-F' + CAST((i - 1) / " + sizes.factsPerFiling() + " + 1 AS STRING)}), (x:Fact {id: i}) "
                + "CREATE (f)-[:REPORTS]->(x)");
        pool.query(name, "UNWIND range(1, " + facts + ") AS i MATCH (x:Fact {id: i}), (e:Element {qname: "
                + "'us-gaap:Concept' + CAST(i % " + sizes.elements() + " + 1 AS STRING)}) CREATE (x)-[:OF_ELEMENT]->(e)");
        pool.query(name, "UNWIND range(1, " + facts + ") AS i MATCH (x:Fact {id: i}), (p:Period {id: i % "
                + sizes.periods() + " + 1}) CREATE (x)-[:FOR_PERIOD]->(p)");
        return true;
    }
}
