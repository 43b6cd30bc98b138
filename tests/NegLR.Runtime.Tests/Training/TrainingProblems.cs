using System;
using System.Numerics;

namespace NegLR.Tests.Training;

/// <summary>Small problems the trainer tests share.</summary>
internal static class TrainingProblems
{
    /// <summary>H2's particle-conserving one-parameter ansatz (the H2 sample's circuit).</summary>
    public static Circuit H2Circuit()
    {
        var c = new Circuit(4);
        c.RY(1, c.Weight());
        c.CNOT(1, 3);
        c.X(0).CNOT(1, 0);
        c.X(2).CNOT(1, 2);
        return c;
    }

    public static readonly PauliSum H2 = Hamiltonians.H2Sto3g4Qubits();

    public static double H2Exact { get; } = ExactSolver.GroundState(H2, 4).Energy;

    /// <summary>A 3-qubit hardware-efficient circuit on a TFIM chain: several weights, for cost and checkpoint tests.</summary>
    public static Circuit TfimCircuit() => new Circuit(3).HardwareEfficient(2);

    public static readonly PauliSum Tfim = Hamiltonians.TransverseFieldIsing(3, 1.0, 0.8, periodic: false);

    /// <summary>
    /// A 2-qubit classifier: RY angle embedding of two features, two layers of RY/RZ weights with a CNOT, readout Z0.
    /// </summary>
    public static Circuit ClassifierCircuit()
    {
        var c = new Circuit(2);
        c.AngleEmbedding(2, Rotation.Y);
        for (int layer = 0; layer < 2; layer++)
        {
            c.RY(0, c.Weight()).RY(1, c.Weight()).RZ(0, c.Weight()).RZ(1, c.Weight());
            c.CNOT(0, 1);
        }

        return c;
    }

    public static readonly PauliSum Readout = PauliSum.Z(0);

    /// <summary>Two features in [0, π) per row; the class is +1 when x0 &gt; x1 (a line the circuit can learn).</summary>
    public static (double[] Features, double[] Labels) Dataset(int rows, ulong seed, bool zeroOne = false)
    {
        var random = new SeededRandom(seed);
        var features = new double[rows * 2];
        var labels = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double a = random.NextDouble(0, Math.PI), b = random.NextDouble(0, Math.PI);
            features[2 * r] = a;
            features[(2 * r) + 1] = b;
            labels[r] = a > b ? 1 : (zeroOne ? 0 : -1);
        }

        return (features, labels);
    }

    public static double[] Start(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var w = new double[count];
        for (int i = 0; i < count; i++)
        {
            w[i] = random.NextDouble(-1, 1);
        }

        return w;
    }
}

/// <summary>
/// A hand-written <see cref="IAnsatz"/> standing in for generated code (the generator is tested elsewhere): H2's circuit,
/// run by a cached interpreter so the generic trainer path can be exercised and compared with the interpreter path.
/// </summary>
internal readonly struct H2Ansatz : IAnsatz
{
    private static readonly CircuitInterpreter Interpreter = new(TrainingProblems.H2Circuit());

    [ThreadStatic]
    private static SimulationWorkspace? t_workspace;

    private static SimulationWorkspace Workspace => t_workspace ??= Interpreter.CreateWorkspace();

    public static int Qubits => 4;

    public static int WeightCount => 1;

    public static int InputCount => 0;

    public static int StateLength => 16;

    public static PauliSum Cost => TrainingProblems.H2;

    public static Circuit CreateCircuit() => TrainingProblems.H2Circuit();

    public static void Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state)
    {
        Interpreter.Evaluate(weights, inputs, Cost, Workspace);
        Workspace.State.Amplitudes.CopyTo(state);
    }

    public static double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state)
    {
        double value = Interpreter.Evaluate(weights, inputs, Cost, Workspace);
        Workspace.State.Amplitudes.CopyTo(state);
        return value;
    }

    public static double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient,
        Span<Complex> state, Span<Complex> adjoint) =>
        Interpreter.EvaluateWithGradient(weights, inputs, Cost, gradient, Workspace);
}
