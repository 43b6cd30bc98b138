using System;
using System.Collections.Generic;
using System.Globalization;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// The facts about a circuit that the methods beyond plain gradients need: how each weight enters (its spectrum, for
/// Rotosolve), and the circuit's parametrised layers with their generators (the blocks of the quantum natural gradient's
/// metric tensor). Built once from a <see cref="Circuit"/>; the trainer builds it and hands it to an
/// <see cref="ICircuitOptimizer"/>.
/// </summary>
/// <remarks>
/// A parametrised layer is a maximal run of consecutive trainable primitive gates on pairwise disjoint qubits: the gates
/// of a layer commute, so its generators are measured together on the state just before it. Any gate without a weight
/// (a fixed gate, or a data-input angle) ends the current layer. Rot and U3 are three primitive gates each (RZ·RY·RZ,
/// P·RY·P), as the interpreter runs them.
/// </remarks>
public sealed class CircuitStructure
{
    /// <summary>Highest spectrum order Rotosolve reconstructs (2R + 1 points per weight).</summary>
    public const int MaxSpectrumOrder = 32;

    private readonly WeightSpectrum[] _spectra;
    private readonly List<int[]> _layers;
    private readonly int[][] _layerWeights;

    /// <summary>Analyses <paramref name="circuit"/> (a snapshot: later changes are not seen).</summary>
    public CircuitStructure(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        Circuit = circuit;
        Interpreter = new CircuitInterpreter(circuit);
        Qubits = circuit.Qubits;
        WeightCount = Interpreter.WeightCount;
        InputCount = Interpreter.InputCount;
        var program = Interpreter.Program;
        _layers = BuildLayers(program);
        _layerWeights = new int[_layers.Count][];
        for (int l = 0; l < _layers.Count; l++)
        {
            var weights = new SortedSet<int>();
            foreach (int step in _layers[l])
            {
                weights.Add(program[step].Angle.Index);
            }

            _layerWeights[l] = new int[weights.Count];
            weights.CopyTo(_layerWeights[l]);
        }

        // One pass collects every weight's gates (frequencies), then each weight's spectrum is built from its own list.
        var smallest = new List<double>[WeightCount];
        var largest = new List<double>[WeightCount];
        for (int k = 0; k < program.Length; k++)
        {
            ref readonly var ins = ref program[k];
            if (ins.IsTrainable)
            {
                int w = ins.Angle.Index;
                var (lo, hi) = Frequencies(ins.Kind);
                double scale = Math.Abs(ins.Angle.Scale);
                (smallest[w] ??= new List<double>()).Add(lo * scale);
                (largest[w] ??= new List<double>()).Add(hi * scale);
            }
        }

        _spectra = new WeightSpectrum[WeightCount];
        for (int w = 0; w < WeightCount; w++)
        {
            _spectra[w] = BuildSpectrum(w, smallest[w], largest[w]);
        }
    }

    /// <summary>The circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of trainable weights.</summary>
    public int WeightCount { get; }

    /// <summary>Number of data inputs read.</summary>
    public int InputCount { get; }

    /// <summary>Number of parametrised layers: the metric tensor's blocks, and the circuits one metric costs on a device.</summary>
    public int LayerCount => _layers.Count;

    /// <summary>The interpreter of the circuit (the structure's own, for metric tensors and fidelities).</summary>
    internal CircuitInterpreter Interpreter { get; }

    /// <summary>The weights whose gates are in layer <paramref name="layer"/>, ascending.</summary>
    public IReadOnlyList<int> LayerWeights(int layer)
    {
        if ((uint)layer >= (uint)_layers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, string.Create(CultureInfo.InvariantCulture,
                $"The circuit has {_layers.Count} parametrised layers (0 to {_layers.Count - 1})."));
        }

        return _layerWeights[layer];
    }

    /// <summary>The primitive steps (indices into the interpreter's program) of layer <paramref name="layer"/>.</summary>
    internal int[] LayerSteps(int layer) => _layers[layer];

    /// <summary>How the cost depends on weight <paramref name="weight"/> alone.</summary>
    public WeightSpectrum Spectrum(int weight)
    {
        if ((uint)weight >= (uint)WeightCount)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, string.Create(CultureInfo.InvariantCulture,
                $"The circuit has {WeightCount} weights (0 to {WeightCount - 1})."));
        }

        return _spectra[weight];
    }

    /// <summary>The qubits a step's generator acts on (controls included), as a bit mask.</summary>
    internal static int Support(in Instruction ins) => ins.GeneratorControl | ins.GeneratorX | ins.GeneratorZ;

    /// <summary>The positive differences of a trainable step's generator eigenvalues (frequencies at angle scale 1).</summary>
    internal static (double Smallest, double Largest) Frequencies(GateKind kind) => kind switch
    {
        // Controlled rotations: generator |1⟩⟨1| ⊗ P/2 has eigenvalues 0 and ±1/2, so differences 1/2 and 1.
        GateKind.CRX or GateKind.CRY or GateKind.CRZ => (0.5, 1.0),
        // Pauli rotations (±1/2) and phase gates (0, −1): one difference, 1.
        _ => (1.0, 1.0),
    };

    private static List<int[]> BuildLayers(ReadOnlySpan<Instruction> program)
    {
        var layers = new List<int[]>();
        var current = new List<int>();
        int support = 0;
        for (int k = 0; k < program.Length; k++)
        {
            ref readonly var ins = ref program[k];
            if (!ins.IsTrainable)
            {
                Close();
                continue;
            }

            int s = Support(ins);
            if ((s & support) != 0)
            {
                Close();
            }

            current.Add(k);
            support |= s;
        }

        Close();
        return layers;

        void Close()
        {
            if (current.Count > 0)
            {
                layers.Add(current.ToArray());
                current.Clear();
            }

            support = 0;
        }
    }

    private static WeightSpectrum BuildSpectrum(int weight, List<double>? smallest, List<double>? largest)
    {
        if (smallest is null || largest is null)
        {
            return new WeightSpectrum(0, 0, 0, null);
        }

        double minimum = double.PositiveInfinity;
        foreach (double f in smallest)
        {
            minimum = Math.Min(minimum, f);
        }

        // ω₀ = the smallest frequency divided by the first q that makes every frequency an integer multiple of it.
        for (int q = 1; q <= 12; q++)
        {
            double baseFrequency = minimum / q;
            if (IsMultiple(smallest, baseFrequency) && IsMultiple(largest, baseFrequency))
            {
                long order = 0;
                foreach (double f in largest)
                {
                    order += (long)Math.Round(f / baseFrequency);
                }

                if (order > MaxSpectrumOrder)
                {
                    return new WeightSpectrum(smallest.Count, baseFrequency, (int)Math.Min(order, int.MaxValue), string.Create(CultureInfo.InvariantCulture,
                        $"weight {weight} drives {smallest.Count} gates whose frequencies add up to order {order}, above the {MaxSpectrumOrder} a reconstruction handles"));
                }

                return new WeightSpectrum(smallest.Count, baseFrequency, (int)order, null);
            }
        }

        return new WeightSpectrum(smallest.Count, double.NaN, 0, string.Create(CultureInfo.InvariantCulture,
            $"weight {weight} drives gates whose angle scales give frequencies that are not multiples of a common one"));
    }

    private static bool IsMultiple(List<double> frequencies, double baseFrequency)
    {
        foreach (double f in frequencies)
        {
            double ratio = f / baseFrequency;
            if (Math.Abs(ratio - Math.Round(ratio)) > 1e-9 * Math.Max(1, ratio))
            {
                return false;
            }
        }

        return true;
    }
}
