package io.plansim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.batch.BatchFolder;
import io.plansim.batch.BatchTables;
import io.plansim.batch.Variant;
import io.plansim.scenario.Limits;
import io.plansim.service.BatchEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * {@code plansim batch --engine spark}: each variant to run is one Spark task, which plans the batch from its
 * text ({@link SparkBatchJob}), runs the variant through the engine ({@code BatchRuns.run}, the same call as the
 * local engine) and stores the variant's file in the output folder, atomically. A retried or speculative task
 * writes the same rows again over the same file. When every variant has its file, a second job has the executors
 * read them and write the result rows as Parquet under {@code DIR/parquet/}, partitioned by scenario and metric;
 * the command line then assembles results.csv, results.jsonl, targets.csv and run-log.json from the same files
 * as the local engine does, so they are identical row for row.
 *
 * <p>On a cluster {@code --out} must be a folder every executor and the driver see at the same path (a shared
 * file system): the variant files are both the resume record and the tables' source.
 */
public final class SparkBatchEngine implements BatchEngine {
    /** The schema of the Parquet rows: a results.csv row, with the overrides as one JSON text. */
    static final StructType SCHEMA;

    static {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("variant", DataTypes.StringType, false),
                DataTypes.createStructField("scenario", DataTypes.StringType, false),
                DataTypes.createStructField("overrides", DataTypes.StringType, false),
                DataTypes.createStructField("seed", DataTypes.LongType, false),
                DataTypes.createStructField("metric", DataTypes.StringType, false),
                DataTypes.createStructField("unit", DataTypes.StringType, false),
                DataTypes.createStructField("basis", DataTypes.StringType, false),
                DataTypes.createStructField("year", DataTypes.IntegerType, false)));
        for (String s : BatchTables.STATS) {
            fields.add(DataTypes.createStructField(s, DataTypes.DoubleType, false));
        }
        SCHEMA = DataTypes.createStructType(fields);
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(Job job) {
        boolean own = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = session(job.master());
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkBatchJob task = new SparkBatchJob(job.plan(), Limits.current(), job.folder().dir(),
                    System.getProperty("plansim.spark.failAttempts"));
            List<String> ids = job.todo().stream().map(Variant::id).toList();
            Map<String, Variant> byId = new HashMap<>();
            job.todo().forEach(v -> byId.put(v.id(), v));
            if (!ids.isEmpty()) {
                sc.setJobDescription("plansim batch " + job.plan().spec().name() + ": " + ids.size() + " variants");
                // one partition per variant: a task is one variant, retried or run speculatively on its own
                List<Tuple2<String, Boolean>> done;
                try {
                    done = sc.parallelize(ids, ids.size())
                            .map(id -> new Tuple2<>(id, task.run(id, TaskContext.get().attemptNumber())))
                            .collect();
                } catch (Exception e) { // SparkException (checked, undeclared by Scala): an aborted job
                    throw new IllegalStateException("the Spark job stopped (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); the variants "
                            + "finished so far are kept in " + job.folder().dir() + ": run again with --resume to complete the batch", e);
                }
                done.forEach(d -> job.listener().done(byId.get(d._1()), d._2()));
            }
            BatchFolder folder = job.folder();
            List<String> finished = new ArrayList<>();
            for (Variant v : job.plan().variants()) {
                if (folder.complete(v.id())) {
                    finished.add(v.id());
                } else if (!folder.failed(v.id())) {
                    return; // stopped early: no Parquet until every variant has its file
                }
            }
            writeParquet(spark, sc, task, finished, folder.dir().resolve("parquet"));
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    /** The session in force (a test's, spark-submit's) or a new one on {@code master} (default: spark-submit's, else local[*]). */
    static SparkSession session(String master) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName("plansim batch");
        if (master != null) {
            b.master(master);
        } else if (!conf.contains("spark.master")) {
            b.master("local[*]");
        }
        if (!conf.contains("spark.ui.enabled")) {
            b.config("spark.ui.enabled", "false"); // a batch needs no web UI on this machine unless asked for
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    /** The executors read the finished variants' files and write their rows as Parquet, partitioned by scenario and metric. */
    private static void writeParquet(SparkSession spark, JavaSparkContext sc, SparkBatchJob task, List<String> finished, Path out) {
        if (finished.isEmpty()) {
            return;
        }
        sc.setJobDescription("plansim batch: Parquet rows of " + finished.size() + " variants");
        JavaRDD<Row> rows = sc.parallelize(finished, Math.max(1, Math.min(finished.size(), sc.defaultParallelism() * 4)))
                .flatMap(id -> rows(task.folder().result(id)).iterator());
        // one shuffle so that each (scenario, metric) folder gets one file rather than one per task
        spark.createDataFrame(rows, SCHEMA).repartition(functions.col("scenario"), functions.col("metric"))
                .write().mode(SaveMode.Overwrite).partitionBy("scenario", "metric").parquet(out.toString());
    }

    /** A finished variant's results rows, as results.csv has them (numbers as stored in the variant's file). */
    static List<Row> rows(JsonNode n) {
        List<Row> out = new ArrayList<>();
        String overrides = n.path("overrides").toString();
        for (JsonNode r : n.path("stats")) {
            // the cells of BatchTables.METRIC (metric, unit, basis, year), then BatchTables.STATS
            Object[] cells = new Object[8 + BatchTables.STATS.size()];
            cells[0] = n.path("id").asText();
            cells[1] = n.path("scenario").asText();
            cells[2] = overrides;
            cells[3] = n.path("seed").asLong();
            cells[4] = r.get(0).asText();
            cells[5] = r.get(1).asText();
            cells[6] = r.get(2).asText();
            cells[7] = r.get(3).asInt();
            for (int s = 0; s < BatchTables.STATS.size(); s++) {
                cells[8 + s] = r.get(4 + s).asDouble();
            }
            out.add(RowFactory.create(cells));
        }
        return out;
    }
}
