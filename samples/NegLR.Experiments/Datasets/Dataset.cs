using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NegLR.Experiments.Datasets;

/// <summary>A binary classification dataset: raw feature rows and ±1 labels.</summary>
internal sealed class Dataset
{
    public Dataset(string name, string description, double[][] features, int[] labels, string[] featureNames)
    {
        if (features.Length != labels.Length || features.Length == 0)
        {
            throw new ArgumentException($"Dataset {name}: {features.Length} rows but {labels.Length} labels.", nameof(labels));
        }

        Name = name;
        Description = description;
        Features = features;
        Labels = labels;
        FeatureNames = featureNames;
    }

    public string Name { get; }

    /// <summary>One line for the report: source, classes, size.</summary>
    public string Description { get; }

    public double[][] Features { get; }

    /// <summary>+1 or −1 per row.</summary>
    public int[] Labels { get; }

    public string[] FeatureNames { get; }

    public int Rows => Labels.Length;

    public int FeatureCount => Features[0].Length;

    public int Positives => Labels.Count(l => l > 0);
}

/// <summary>
/// The shipped public datasets (Data/*.csv, see Data/README.md for attribution) reduced to binary problems, and seeded
/// synthetic ones.
/// </summary>
internal static class DatasetCatalog
{
    /// <summary>Seed of the synthetic generators: the data are fixed; each run's seed only changes the split.</summary>
    public const ulong SyntheticSeed = 20_251_124;

    public static readonly string[] Names = { "moons", "circles", "parity", "iris", "wine", "breast-cancer" };

    /// <summary>Datasets used only to tune hyperparameters (never reported).</summary>
    public static readonly string[] TuningNames = { "xor" };

    private static readonly Dictionary<string, Lazy<Dataset>> Cache = Names.Concat(TuningNames).ToDictionary(n => n, n => new Lazy<Dataset>(() => Create(n)));

    /// <summary>Folder holding iris.csv, wine.csv and breast_cancer_wisconsin.csv (beside the program by default).</summary>
    public static string DataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Data");

    public static Dataset Get(string name) =>
        Cache.TryGetValue(name, out var lazy) ? lazy.Value : throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));

    private static Dataset Create(string name) => name switch
    {
        "moons" => Moons(200, 0.1, SyntheticSeed),
        "circles" => Circles(200, 0.05, 0.5, SyntheticSeed),
        "parity" => Parity(200, 4, SyntheticSeed),
        "iris" => Iris(),
        "wine" => Wine(),
        "breast-cancer" => BreastCancer(),
        "xor" => Xor(200, SyntheticSeed + 1),
        _ => throw new ArgumentException($"Unknown dataset '{name}'.", nameof(name)),
    };

    /// <summary>
    /// scikit-learn's make_moons: n/2 points on the upper half circle (cos t, sin t) and n/2 on the shifted lower one
    /// (1 − cos t, ½ − sin t), t evenly spaced in [0, π], plus Gaussian noise of standard deviation <paramref name="noise"/>.
    /// Upper moon = +1.
    /// </summary>
    public static Dataset Moons(int n, double noise, ulong seed)
    {
        var random = new SeededRandom(seed);
        int outer = n / 2, inner = n - outer;
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 0; i < outer; i++)
        {
            double t = Math.PI * i / Math.Max(1, outer - 1);
            rows.Add(new[] { Math.Cos(t) + (noise * random.NextGaussian()), Math.Sin(t) + (noise * random.NextGaussian()) });
            labels.Add(1);
        }

        for (int i = 0; i < inner; i++)
        {
            double t = Math.PI * i / Math.Max(1, inner - 1);
            rows.Add(new[] { 1 - Math.Cos(t) + (noise * random.NextGaussian()), 0.5 - Math.Sin(t) + (noise * random.NextGaussian()) });
            labels.Add(-1);
        }

        return new Dataset("moons", Invariant($"two interleaved half circles (scikit-learn's make_moons algorithm), {n} points, noise σ = {noise}, seed {seed}"),
            rows.ToArray(), labels.ToArray(), new[] { "x", "y" });
    }

    /// <summary>
    /// scikit-learn's make_circles: n/2 points on the unit circle (−1) and n/2 on a concentric circle of radius
    /// <paramref name="factor"/> (+1), angles evenly spaced, plus Gaussian noise.
    /// </summary>
    public static Dataset Circles(int n, double noise, double factor, ulong seed)
    {
        var random = new SeededRandom(seed);
        int outer = n / 2, inner = n - outer;
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int i = 0; i < outer; i++)
        {
            double t = 2 * Math.PI * i / outer;
            rows.Add(new[] { Math.Cos(t) + (noise * random.NextGaussian()), Math.Sin(t) + (noise * random.NextGaussian()) });
            labels.Add(-1);
        }

        for (int i = 0; i < inner; i++)
        {
            double t = 2 * Math.PI * i / inner;
            rows.Add(new[] { (factor * Math.Cos(t)) + (noise * random.NextGaussian()), (factor * Math.Sin(t)) + (noise * random.NextGaussian()) });
            labels.Add(1);
        }

        return new Dataset("circles", Invariant($"two concentric circles (scikit-learn's make_circles algorithm), {n} points, radius ratio {factor}, noise σ = {noise}, seed {seed}"),
            rows.ToArray(), labels.ToArray(), new[] { "x", "y" });
    }

    /// <summary>XOR (checkerboard quadrants): n points uniform in [−1, 1]², label +1 when x·y &gt; 0. Tuning only.</summary>
    public static Dataset Xor(int n, ulong seed)
    {
        var random = new SeededRandom(seed);
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            double x = random.NextDouble(-1, 1), y = random.NextDouble(-1, 1);
            rows[i] = new[] { x, y };
            labels[i] = x * y > 0 ? 1 : -1;
        }

        return new Dataset("xor", Invariant($"XOR quadrants: {n} points uniform in [−1, 1]², +1 when x·y > 0, seed {seed} (tuning only)"),
            rows, labels, new[] { "x", "y" });
    }

    /// <summary>n uniformly random <paramref name="bits"/>-bit strings; label +1 for even parity, −1 for odd.</summary>
    public static Dataset Parity(int n, int bits, ulong seed)
    {
        var random = new SeededRandom(seed);
        var rows = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int word = random.NextInt(1 << bits);
            rows[i] = new double[bits];
            for (int b = 0; b < bits; b++)
            {
                rows[i][b] = (word >> b) & 1;
            }

            labels[i] = System.Numerics.BitOperations.PopCount((uint)word) % 2 == 0 ? 1 : -1;
        }

        return new Dataset("parity", Invariant($"{bits}-bit parity: {n} uniformly random bit strings, +1 for even parity, seed {seed}"),
            rows, labels, Enumerable.Range(0, bits).Select(b => "b" + b.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    private static Dataset Iris()
    {
        var (header, rows) = ReadCsv("iris.csv");
        var x = new List<double[]>();
        var y = new List<int>();
        foreach (var r in rows)
        {
            string species = r[4];
            if (species is "versicolor" or "virginica")
            {
                x.Add(r.Take(4).Select(Parse).ToArray());
                y.Add(species == "versicolor" ? 1 : -1);
            }
        }

        return new Dataset("iris", "Iris (Fisher 1936, UCI): versicolor (+1) against virginica (−1), 100 rows × 4 features",
            x.ToArray(), y.ToArray(), header.Take(4).ToArray());
    }

    private static Dataset Wine()
    {
        var (header, rows) = ReadCsv("wine.csv");
        var x = new List<double[]>();
        var y = new List<int>();
        foreach (var r in rows)
        {
            string cls = r[0];
            if (cls is "1" or "2")
            {
                x.Add(r.Skip(1).Select(Parse).ToArray());
                y.Add(cls == "1" ? 1 : -1);
            }
        }

        return new Dataset("wine", "Wine (Forina et al. 1988, UCI): cultivar 1 (+1) against cultivar 2 (−1), 130 rows × 13 features",
            x.ToArray(), y.ToArray(), header.Skip(1).ToArray());
    }

    private static Dataset BreastCancer()
    {
        var (header, rows) = ReadCsv("breast_cancer_wisconsin.csv");
        var x = new List<double[]>();
        var y = new List<int>();
        foreach (var r in rows)
        {
            x.Add(r.Take(9).Select(Parse).ToArray());
            y.Add(r[9] == "malignant" ? 1 : -1);
        }

        return new Dataset("breast-cancer", "Breast Cancer Wisconsin (Original) (Wolberg & Mangasarian 1990, UCI): malignant (+1) against benign (−1), 683 rows × 9 features",
            x.ToArray(), y.ToArray(), header.Take(9).ToArray());
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string file)
    {
        string path = Path.Combine(DataDirectory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset file '{path}' is missing; the build copies samples/NegLR.Experiments/Data/*.csv beside the program.", path);
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).ToList();
        return (header, rows);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
