using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NegLR.Experiments.Benchmarks;

/// <summary>
/// A benchmark run on a noisy device (the noise block): <c>{inner}+dp{p2}[+ro{r}]</c> puts local depolarizing noise
/// after every gate — single-qubit depolarizing with p1 = p2/10 after each one-qubit gate, two-qubit depolarizing p2
/// after each two-qubit gate — and a symmetric readout error r on every qubit; <c>{inner}+dev-{profile}</c> uses a
/// shipped device profile's noise model (thermal relaxation and depolarizing per gate, its readout errors). Exact mode
/// runs the density matrix; shot mode samples it, or from 8 qubits runs one trajectory per shot.
/// </summary>
internal sealed class NoisyBenchmark : Benchmark
{
    /// <summary>From this many qubits shot mode runs trajectories instead of sampling the density matrix.</summary>
    public const int TrajectoryQubits = 8;

    private static readonly Regex Pattern = new(@"^(?<inner>.+?)\+(?:dp(?<p2>[0-9.eE-]+)(?:\+ro(?<ro>[0-9.eE-]+))?|dev-(?<dev>[a-z0-9-]+))$", RegexOptions.CultureInvariant);

    private NoisyBenchmark(Benchmark inner, double p2, double readout, string? device)
    {
        Inner = inner;
        P2 = p2;
        Readout = readout;
        Device = device;
    }

    /// <summary>The ideal benchmark.</summary>
    public Benchmark Inner { get; }

    /// <summary>Two-qubit depolarizing probability (the single-qubit one is a tenth of it).</summary>
    public double P2 { get; }

    /// <summary>Symmetric readout error P(1|0) = P(0|1).</summary>
    public double Readout { get; }

    /// <summary>A shipped device profile's name, or null for the depolarizing model.</summary>
    public string? Device { get; }

    /// <summary>Parses a noisy id (the inner id by <paramref name="resolve"/>); null when <paramref name="id"/> has no noise suffix.</summary>
    /// <exception cref="ArgumentException">The suffix names an impossible probability or an unknown profile.</exception>
    public static NoisyBenchmark? TryParse(string id, Func<string, Benchmark> resolve)
    {
        var m = Pattern.Match(id);
        if (!m.Success)
        {
            return null;
        }

        var inner = resolve(m.Groups["inner"].Value);
        if (inner is NoisyBenchmark)
        {
            throw new ArgumentException($"'{id}' adds noise twice.", nameof(id));
        }

        if (m.Groups["dev"].Success)
        {
            string name = m.Groups["dev"].Value;
            if (Array.IndexOf(DeviceProfile.ExampleNames, name) < 0)
            {
                throw new ArgumentException($"'{id}': there is no device profile '{name}'; the shipped ones are {string.Join(", ", DeviceProfile.ExampleNames)}.", nameof(id));
            }

            if (inner.Qubits > DeviceProfile.Example(name).Qubits.Length)
            {
                throw new ArgumentException($"'{id}': the profile '{name}' has {DeviceProfile.Example(name).Qubits.Length} qubits, the circuit {inner.Qubits}.", nameof(id));
            }

            return new NoisyBenchmark(inner, 0, 0, name);
        }

        double p2 = Probability(m.Groups["p2"].Value, id, "p2", 15.0 / 16);
        double ro = m.Groups["ro"].Success ? Probability(m.Groups["ro"].Value, id, "readout error", 0.5) : 0;
        var noisy = new NoisyBenchmark(inner, p2, ro, null);
        if (noisy.Id != id)
        {
            throw new ArgumentException($"'{id}' is not in canonical form; write it as '{noisy.Id}'.", nameof(id));
        }

        return noisy;
    }

    public override string Id => Inner.Id + (Device is not null ? "+dev-" + Device : "+dp" + R(P2) + (Readout > 0 ? "+ro" + R(Readout) : string.Empty));

    public override BenchmarkFamily Family => Inner.Family;

    public override int Qubits => Inner.Qubits;

    public override string MetricName => Inner.MetricName + " (noisy loss)";

    public override string Description => Inner.Description + "; " + NoiseText;

    /// <summary>The noise, in words, for the report.</summary>
    public string NoiseText => Device is not null
        ? $"noise of the illustrative device profile {Device} (thermal relaxation for each gate's duration plus depolarizing to its error, readout error per qubit)"
        : string.Create(CultureInfo.InvariantCulture,
            $"local depolarizing noise p1 = {P2 / 10:G3} after every one-qubit gate and two-qubit depolarizing p2 = {P2:G3} after every two-qubit gate, readout error {Readout:G3}; exact mode on the density matrix, shot mode {(Qubits >= TrajectoryQubits ? "one trajectory per shot" : "sampling the density matrix")}");

    public override bool SupportsShots(int shots) => Inner.SupportsShots(shots);

    /// <summary>The noise model for <paramref name="circuit"/>.</summary>
    public NoiseModel ModelFor(Circuit circuit)
    {
        if (Device is not null)
        {
            return DeviceProfile.Example(Device).NoiseModelFor(circuit);
        }

        var model = new NoiseModel();
        if (P2 > 0)
        {
            model = model.AfterEach(NoiseChannel.Depolarizing(P2 / 10), NoiseModel.SingleQubitGates)
                .AfterEach(NoiseChannel.TwoQubitDepolarizing(P2), NoiseModel.TwoQubitGates);
        }

        return Readout > 0 ? model.WithReadout(ReadoutError.Uniform(circuit.Qubits, Readout, Readout)) : model;
    }

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var instance = Inner.Create(seed, sizes);
        return instance with
        {
            Noise = new NoiseSetup(ModelFor(instance.Circuit), Qubits >= TrajectoryQubits),
            // Layerwise phases run on the interpreter: not under noise.
            LayerwiseBlocks = 0,
            CircuitForBlocks = null,
        };
    }

    private static double Probability(string text, string id, string what, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && v <= max
            ? v
            : throw new ArgumentException($"'{id}': the {what} '{text}' is not a probability in [0, {max.ToString(CultureInfo.InvariantCulture)}].", nameof(id));

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
