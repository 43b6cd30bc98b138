using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Benchmarks;

/// <summary>
/// Variational ground-state search: minimise ⟨H⟩ with a hardware-efficient ansatz; the score is the energy error
/// E(θ) − E₀ against exact diagonalisation of the same Hamiltonian.
/// </summary>
internal sealed class VqeBenchmark : Benchmark
{
    private readonly Lazy<double> _exact;

    private VqeBenchmark(string id, string description, int qubits, int layers, Func<PauliSum> hamiltonian, bool hartreeFock, double? closedForm)
    {
        Id = id;
        DescriptionCore = description;
        Qubits = qubits;
        Layers = layers;
        Hamiltonian = hamiltonian();
        HartreeFock = hartreeFock;
        ClosedForm = closedForm;
        _exact = new Lazy<double>(() => ExactSolver.GroundState(Hamiltonian, qubits).Energy);
    }

    public override string Id { get; }

    private string DescriptionCore { get; }

    public override int Qubits { get; }

    public int Layers { get; }

    public PauliSum Hamiltonian { get; }

    /// <summary>Whether the circuit starts from the Hartree–Fock state (X on qubits 0 and 2, H2 only).</summary>
    public bool HartreeFock { get; }

    /// <summary>A closed-form ground energy the exact solver is checked against (TFIM), or null.</summary>
    public double? ClosedForm { get; }

    public double ExactEnergy => _exact.Value;

    public override BenchmarkFamily Family => BenchmarkFamily.Vqe;

    public override string MetricName => "energy error E − E₀";

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"{DescriptionCore}; {(HartreeFock ? "Hartree–Fock start (X on qubits 0 and 2), then " : string.Empty)}{Layers} hardware-efficient layers ({BuildCircuit().WeightCount} weights); exact E₀ = {ExactEnergy:F10}");

    /// <summary>H2 / STO-3G at 0.735 Å, Jordan–Wigner on 4 qubits (electronic energy, Qiskit Nature's coefficients).</summary>
    public static VqeBenchmark H2() => new("vqe-h2", "H2 / STO-3G at 0.735 Å, Jordan–Wigner, 4 qubits, 15 Pauli terms (electronic energy in Ha)",
        4, 2, Hamiltonians.H2Sto3g4Qubits, true, null);

    /// <summary>Periodic transverse-field Ising ring H = −Σ Z_i Z_{i+1} − Σ X_i (h = J = 1) on n qubits, n/2 layers.</summary>
    public static VqeBenchmark Tfim(int n) => new(
        string.Create(CultureInfo.InvariantCulture, $"vqe-tfim{n}"),
        string.Create(CultureInfo.InvariantCulture, $"transverse-field Ising ring, {n} qubits, h = J = 1 (periodic; E₀ = −2/sin(π/2N) = {TfimClosedForm(n):F10})"),
        n, Math.Max(2, n / 2), () => Hamiltonians.TransverseFieldIsing(n, 1, 1, periodic: true), false, TfimClosedForm(n));

    /// <summary>Open transverse-field Ising chain with field h (J = 1), 2 layers: a tuning problem, not in the grid.</summary>
    public static VqeBenchmark TfimOpen(int n, double h) => new(
        string.Create(CultureInfo.InvariantCulture, $"tune-tfim{n}-open-h{h:0.##}"),
        string.Create(CultureInfo.InvariantCulture, $"open transverse-field Ising chain, {n} qubits, J = 1, h = {h} (tuning only)"),
        n, 2, () => Hamiltonians.TransverseFieldIsing(n, 1, h, periodic: false), false, null);

    /// <summary>Pfeuty's closed form at criticality for the periodic ring: E₀ = −2J / sin(π/(2N)).</summary>
    public static double TfimClosedForm(int n) => -2 / Math.Sin(Math.PI / (2 * n));

    public Circuit BuildCircuit()
    {
        var c = new Circuit(Qubits);
        if (HartreeFock)
        {
            c.X(0).X(2);
        }

        c.HardwareEfficient(Layers);
        return c;
    }

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var circuit = BuildCircuit();
        double e0 = ExactEnergy;
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = Hamiltonian,
            Objective = TrainingObjective.Expectation,
            InitialWeights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed),
            Metric = loss => loss - e0,
            Extras = _ => new SortedDictionary<string, double>(StringComparer.Ordinal) { ["exact_energy"] = e0 },
        };
    }
}
