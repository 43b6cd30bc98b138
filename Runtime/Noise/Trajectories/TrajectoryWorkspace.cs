using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// The buffers trajectory calls need on one thread: the state, a rotated copy for measurements, sampling tables and
/// per-trajectory values. Create it with <see cref="TrajectorySimulator.CreateWorkspace"/> and reuse it.
/// </summary>
public sealed class TrajectoryWorkspace
{
    private double[] _values = Array.Empty<double>();
    private double[]? _gradientMean;
    private double[]? _gradientM2;
    private double[]? _sample;
    private int[]? _groupShots;
    private TrajectoryMainPath? _mainPath;
    private bool _mainPathRefused;

    internal TrajectoryWorkspace(TrajectorySimulator simulator)
    {
        StateVector.EnsureFits(simulator.Qubits, 2);
        Simulator = simulator;
        State = new StateVector(simulator.Qubits);
        Rotated = new Complex[1 << simulator.Qubits];
        Cumulative = new double[1 << simulator.Qubits];
        Reduced = new Complex[16];
        ShiftedWeights = new double[simulator.WeightCount];
        Random = new SeededRandom(0);
    }

    /// <summary>The generator reseeded for each trajectory (see TrajectorySeeds).</summary>
    internal SeededRandom Random { get; }

    internal TrajectorySimulator Simulator { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits => State.Qubits;

    /// <summary>The state at the end of the last trajectory.</summary>
    public StateVector State { get; }

    internal Complex[] Rotated { get; }

    internal double[] Cumulative { get; }

    /// <summary>Reduced density matrix of a Kraus channel's qubits (up to 4×4).</summary>
    internal Complex[] Reduced { get; }

    internal double[] ShiftedWeights { get; }

    /// <summary>Per-trajectory values for order-independent sums (grown on first use, then reused).</summary>
    internal double[] Values(int count)
    {
        if (_values.Length < count)
        {
            _values = new double[count];
        }

        return _values;
    }

    internal double[] GradientMean => _gradientMean ??= new double[Simulator.WeightCount];

    internal double[] GradientM2 => _gradientM2 ??= new double[Simulator.WeightCount];

    internal double[] Sample => _sample ??= new double[Simulator.WeightCount];

    /// <summary>The shared-branch store for shot calls (made on first use), or null when it would not fit.</summary>
    internal TrajectoryMainPath? MainPath
    {
        get
        {
            if (_mainPath is null && !_mainPathRefused)
            {
                _mainPath = TrajectoryMainPath.TryCreate(Simulator);
                _mainPathRefused = _mainPath is null;
            }

            return _mainPath;
        }
    }

    internal int[] GroupShots(int groups) => _groupShots is { } g && g.Length == groups ? g : _groupShots = new int[groups];
}
