using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Benchmarks;

/// <summary>The cost of a barren-plateau testbed (all minimised; the score is the cost minus its minimum).</summary>
internal enum PlateauCost
{
    /// <summary>⟨Z0 Z1⟩ (a two-qubit Pauli string; McClean et al.'s choice of a local observable), minimum −1.</summary>
    ZZ,

    /// <summary>
    /// Cerezo et al.'s local cost (Nat. Commun. 12, 1791, 2021): C_L = 1 − (1/n) Σⱼ ⟨|0⟩⟨0|ⱼ⟩ = ½ − (1/2n) Σⱼ ⟨Zⱼ⟩,
    /// minimum 0 at |0…0⟩; trainable at depth O(log n).
    /// </summary>
    CerezoLocal,

    /// <summary>
    /// Cerezo et al.'s global cost: C_G = 1 − |⟨0…0|ψ⟩|² = 1 − Πⱼ (1 + Zⱼ)/2, the projector onto |0…0⟩, as the exact
    /// sum of its 2ⁿ Z-strings; minimum 0. Its gradient variance vanishes exponentially at any depth (≈ 2^−2n for a
    /// 2-design), so the plateau exists already at 6–8 qubits.
    /// </summary>
    CerezoGlobal,
}

/// <summary>
/// A barren-plateau testbed: McClean et al.'s random circuits (Nat. Commun. 9, 4812, 2018: RY(π/4) on every qubit, then
/// <see cref="Layers"/> layers of a rotation about a random axis — X, Y or Z, fixed by the structure instance — on every
/// qubit and a ladder of CZ gates) or the hardware-efficient ansatz (RY, RZ, CNOT ladder per layer), with one of three
/// costs (<see cref="PlateauCost"/>). The paper grid's <c>bp-random{n}</c> is random, 10n layers, ⟨Z0 Z1⟩, instance 0:
/// at 10n layers the variance of ∂⟨Z0⟩/∂θ₁ at a uniform random start is within a factor 1.3 of its deep-circuit limit
/// d/(3(d² − 1)) (measured by the variance verb at n = 4–10; about 15n layers reach it), so runs start inside the plateau. Other testbeds are named <c>bp-{random|hea}{n}-l{layers}-{zz|cl|cg}-s{k}</c>
/// (structure instance k: another draw of the random axes, so results are reported across circuits, not for one).
/// Score: cost minus its minimum.
/// </summary>
internal sealed class BarrenPlateauBenchmark : Benchmark
{
    /// <summary>Seed of the random gate axes (the circuit is part of the benchmark; run seeds change only the start).</summary>
    public const ulong StructureSeed = 2018;

    public BarrenPlateauBenchmark(int qubits, int layers, bool hardwareEfficient = false, PlateauCost cost = PlateauCost.ZZ, int instance = 0, bool legacyId = false,
        bool identityBlocks = false)
    {
        if (identityBlocks && (hardwareEfficient || layers < 4 || layers % 4 != 0))
        {
            throw new ArgumentException("The identity-block testbed (bp-idb…) is built of blocks of 2 layers and their 2-layer mirrors: its depth must be a multiple of 4.", nameof(layers));
        }

        if (qubits < 2 || qubits > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "A barren-plateau testbed needs 2 to 20 qubits.");
        }

        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A barren-plateau testbed needs at least 1 layer.");
        }

        if (hardwareEfficient && instance != 0)
        {
            throw new ArgumentException("The hardware-efficient ansatz has no random structure: only instance s0 exists.", nameof(instance));
        }

        Qubits = qubits;
        Layers = layers;
        HardwareEfficient = hardwareEfficient;
        Cost = cost;
        Instance = instance;
        IdentityBlockLayout = identityBlocks;
        _legacyId = legacyId;
    }

    /// <summary>Layers per half-block of the identity-block testbed.</summary>
    public const int HalfBlockLayers = 2;

    /// <summary>
    /// The identity-block testbed (<c>bp-idb…</c>): McClean's RY(π/4) layer, then L/4 blocks of Grant et al. (2 layers
    /// of random-axis rotations with CZ chains, then their mirror image with fresh weights), so that
    /// the identity-block start (optimizer suffix _idb) can make every block the identity; with a uniform start it is a random
    /// circuit of the same depth.
    /// </summary>
    public bool IdentityBlockLayout { get; }

    private readonly bool _legacyId;

    public override int Qubits { get; }

    public int Layers { get; }

    public bool HardwareEfficient { get; }

    public PlateauCost Cost { get; }

    /// <summary>Structure instance: which draw of the random axes (0 is the paper grid's).</summary>
    public int Instance { get; }

    public override string Id => _legacyId
        ? string.Create(CultureInfo.InvariantCulture, $"bp-random{Qubits}")
        : string.Create(CultureInfo.InvariantCulture, $"bp-{(HardwareEfficient ? "hea" : IdentityBlockLayout ? "idb" : "random")}{Qubits}-l{Layers}-{CostId(Cost)}-s{Instance}");

    public override BenchmarkFamily Family => BenchmarkFamily.BarrenPlateau;

    public override string MetricName => Cost switch
    {
        PlateauCost.CerezoLocal => "Cerezo local cost C_L",
        PlateauCost.CerezoGlobal => "Cerezo global cost C_G = 1 − |⟨0…0|ψ⟩|²",
        _ => "⟨Z0 Z1⟩ + 1",
    };

    /// <summary>
    /// Shot modes only up to 8 qubits: a shot-based parameter-shift step costs 2·(weights) + 1 state preparations, which is
    /// hours per run beyond that on a laptop (exact mode covers 10 and 12 qubits).
    /// </summary>
    public override bool SupportsShots(int shots) => Qubits <= 8;

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"{(HardwareEfficient ? "hardware-efficient ansatz (RY, RZ, CNOT ladder per layer)" : IdentityBlockLayout ? $"RY(π/4) layer, then {Layers / 4} identity blocks of Grant et al. (2019) (2 random-axis rotation layers with CZ chains and their mirror), structure instance {Instance}" : $"random circuit after McClean et al. (2018), structure instance {Instance}")}, {Qubits} qubits, {Layers} layers ({Weights} weights), cost {MetricName}, uniform random start");

    private int Weights => HardwareEfficient ? 2 * Qubits * Layers : Qubits * Layers;

    /// <summary>The cost's minimum (−1 for ⟨Z0 Z1⟩, 0 for Cerezo's costs).</summary>
    public double Minimum => Cost == PlateauCost.ZZ ? -1 : 0;

    public static string CostId(PlateauCost cost) => cost switch { PlateauCost.CerezoLocal => "cl", PlateauCost.CerezoGlobal => "cg", _ => "zz" };

    /// <summary>Parses <c>bp-{random|hea}{n}-l{L}-{zz|cl|cg}-s{k}</c>; null when the id is not of that form.</summary>
    public static BarrenPlateauBenchmark? TryParse(string id)
    {
        var m = System.Text.RegularExpressions.Regex.Match(id, @"^bp-(random|hea|idb)(\d{1,2})-l(\d{1,4})-(zz|cl|cg)-s(\d{1,3})$");
        if (!m.Success)
        {
            return null;
        }

        var cost = m.Groups[4].Value switch { "cl" => PlateauCost.CerezoLocal, "cg" => PlateauCost.CerezoGlobal, _ => PlateauCost.ZZ };
        int Int(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new BarrenPlateauBenchmark(Int(2), Int(3), m.Groups[1].Value == "hea", cost, Int(5), identityBlocks: m.Groups[1].Value == "idb");
    }

    /// <summary>The circuit of this testbed (the structure fixed by the instance, not by the run's seed).</summary>
    public Circuit BuildCircuit() => BuildCircuit(Layers);

    /// <summary>
    /// The testbed's first <paramref name="layers"/> layers: a prefix of the full circuit (McClean's axes are drawn layer by
    /// layer from the structure stream), which is what layerwise training grows.
    /// </summary>
    public Circuit BuildCircuit(int layers)
    {
        if (HardwareEfficient)
        {
            return new Circuit(Qubits).HardwareEfficient(layers);
        }

        // Instance 0 keeps the paper grid's circuits; instance k draws its axes from another stream.
        ulong seed = StructureSeed + (ulong)Qubits + (1000UL * (ulong)Instance);
        if (IdentityBlockLayout)
        {
            var random = new SeededRandom(seed + 500);
            var c = new Circuit(Qubits);
            for (int q = 0; q < Qubits; q++)
            {
                c.RY(q, Math.PI / 4);
            }

            for (int b = 0; b < layers / (2 * HalfBlockLayers); b++)
            {
                IdentityBlocks.Append(c, HalfBlockLayers, IdentityBlocks.RandomAxes(HalfBlockLayers * Qubits, random));
            }

            return c;
        }

        return RandomCircuits.McClean(Qubits, layers, new SeededRandom(seed));
    }

    /// <summary>Blocks of layerwise training: at most 4, each a run of consecutive layers.</summary>
    public int LayerwiseBlocks => IdentityBlockLayout ? 0 : Math.Min(4, Layers);

    /// <summary>Layers in the circuit of the first <paramref name="blocks"/> layerwise blocks.</summary>
    public int LayersForBlocks(int blocks) => (int)Math.Round((double)blocks * Layers / LayerwiseBlocks, MidpointRounding.AwayFromZero);

    /// <summary>The cost as a Pauli sum.</summary>
    public PauliSum BuildObservable() => Cost switch
    {
        PlateauCost.CerezoLocal => CerezoLocal(Qubits),
        PlateauCost.CerezoGlobal => CerezoGlobal(Qubits),
        _ => PauliSum.Parse("Z0 Z1"),
    };

    /// <summary>C_L = ½ − (1/2n) Σⱼ Zⱼ.</summary>
    public static PauliSum CerezoLocal(int n) =>
        new(Enumerable.Range(0, n).Select(q => new PauliTerm(-0.5 / n, 0, 1 << q)), 0.5);

    /// <summary>C_G = 1 − Πⱼ (1 + Zⱼ)/2 = 1 − 2⁻ⁿ Σ over all subsets S of Z_S (the identity term folds into the constant).</summary>
    public static PauliSum CerezoGlobal(int n)
    {
        double c = -1.0 / (1 << n);
        var terms = Enumerable.Range(1, (1 << n) - 1).Select(mask => new PauliTerm(c, 0, mask));
        return new PauliSum(terms, 1 + c);
    }

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var circuit = BuildCircuit();
        double minimum = Cost == PlateauCost.ZZ ? -1 : 0;
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = BuildObservable(),
            Objective = TrainingObjective.Expectation,
            InitialWeights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed),
            Metric = loss => loss - minimum,
            Extras = _ => new SortedDictionary<string, double>(StringComparer.Ordinal),
            LayerwiseBlocks = LayerwiseBlocks,
            CircuitForBlocks = LayerwiseBlocks > 0 ? k => BuildCircuit(LayersForBlocks(k)) : null,
            IdentityBlocks = IdentityBlockLayout
                ? new IdentityBlockInitialization(Enumerable.Repeat(2 * HalfBlockLayers * Qubits, Layers / (2 * HalfBlockLayers)).ToArray())
                : null,
        };
    }
}

/// <summary>Random parameterised circuits.</summary>
internal static class RandomCircuits
{
    /// <summary>
    /// McClean et al.'s random circuit: RY(π/4) on every qubit, then per layer a rotation about an axis drawn uniformly
    /// from {X, Y, Z} (each with a fresh weight) on every qubit, then CZ(q, q+1) for q = 0 … n−2.
    /// </summary>
    public static Circuit McClean(int qubits, int layers, SeededRandom structure)
    {
        var c = new Circuit(qubits);
        for (int q = 0; q < qubits; q++)
        {
            c.RY(q, Math.PI / 4);
        }

        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < qubits; q++)
            {
                var axis = structure.NextInt(3) switch { 0 => Rotation.X, 1 => Rotation.Y, _ => Rotation.Z };
                c.Rotate(axis, q, c.Weight());
            }

            for (int q = 0; q + 1 < qubits; q++)
            {
                c.CZ(q, q + 1);
            }
        }

        return c;
    }
}
