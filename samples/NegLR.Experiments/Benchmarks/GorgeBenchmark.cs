using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR.Experiments.Benchmarks;

/// <summary>
/// The mechanism block's plateau-with-gorge landscape (<c>gorge{n}</c>): one RY(θⱼ) per qubit on |0…0⟩ and Cerezo's
/// global cost, so C(θ) = 1 − Πⱼ cos²(θⱼ/2) exactly. It is flat (C ≈ 1, gradient ≈ 0) everywhere except a gorge around
/// θ = 0 whose share of the parameter torus shrinks exponentially with n: n sets the gorge's width, and there are no
/// local minima, no noise and no entanglement, so a difference between NLR and a control is a difference in how each
/// moves on a plateau — the paper's "diffusion" reading tested directly. Scored as C − 0.
/// </summary>
internal sealed class GorgeBenchmark : Benchmark
{
    public GorgeBenchmark(int qubits)
    {
        if (qubits is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "A gorge landscape here has 1 to 12 weights (qubits).");
        }

        Qubits = qubits;
    }

    public override int Qubits { get; }

    public override string Id => string.Create(CultureInfo.InvariantCulture, $"gorge{Qubits}");

    public override BenchmarkFamily Family => BenchmarkFamily.Synthetic;

    public override string MetricName => "final cost 1 − Πcos²(θ/2) (0 at the gorge's floor)";

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"plateau with a gorge: RY(θⱼ) on each of {Qubits} qubits, cost 1 − Πⱼ cos²(θⱼ/2) (Cerezo's global cost on a product circuit), gorge share of the torus P(C < ½) = {GorgeShare(Qubits):G3}, uniform random start");

    /// <summary>
    /// P(C &lt; ½) for θ uniform on the torus: the share of starts already in the gorge (the gorge's width), from
    /// a fixed-seed Monte-Carlo estimate (10⁶ points; standard error ≤ 5·10⁻⁴).
    /// </summary>
    public static double GorgeShare(int n) => Shares.GetOrAdd(n, Estimate);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> Shares = new();

    private static double Estimate(int n)
    {
        var random = new SeededRandom(77);
        int inside = 0;
        const int Points = 1_000_000;
        for (int i = 0; i < Points; i++)
        {
            double p = 1;
            for (int j = 0; j < n && p > 0.5; j++)
            {
                double c = Math.Cos(random.NextDouble(0, 2 * Math.PI) / 2);
                p *= c * c;
            }

            if (p > 0.5)
            {
                inside++;
            }
        }

        return (double)inside / Points;
    }

    /// <summary>Parses <c>gorge{n}</c>; null when the id is not of that form.</summary>
    public static GorgeBenchmark? TryParse(string id)
    {
        var m = System.Text.RegularExpressions.Regex.Match(id, @"^gorge(\d{1,2})$");
        return m.Success ? new GorgeBenchmark(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : null;
    }

    public Circuit BuildCircuit()
    {
        var c = new Circuit(Qubits);
        for (int q = 0; q < Qubits; q++)
        {
            c.RY(q, c.Weight());
        }

        return c;
    }

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var circuit = BuildCircuit();
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = BarrenPlateauBenchmark.CerezoGlobal(Qubits),
            Objective = TrainingObjective.Expectation,
            InitialWeights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed),
            Metric = loss => loss,
            Extras = _ => new SortedDictionary<string, double>(StringComparer.Ordinal),
        };
    }
}
