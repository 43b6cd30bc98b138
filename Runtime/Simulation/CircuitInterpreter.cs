using System;
using System.Globalization;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// Runs a <see cref="Circuit"/> on a state vector: the state, expectations and gradients for given weights and inputs.
/// It is the reference every generated kernel is tested against, and the path for circuits known only at run time
/// (imported OpenQASM, say). Construction compiles the circuit once; with a caller-supplied
/// <see cref="SimulationWorkspace"/> no call allocates.
/// </summary>
/// <remarks>An interpreter is immutable and thread-safe; a workspace belongs to one thread at a time.</remarks>
public sealed partial class CircuitInterpreter
{
    private readonly Instruction[] _program;

    /// <summary>Compiles <paramref name="circuit"/> (a snapshot: later changes to the circuit are not seen).</summary>
    public CircuitInterpreter(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (circuit.HasChannels)
        {
            // Ignoring the channels would be a silent wrong answer: this engine runs ideal circuits only.
            throw new ArgumentException(
                $"The circuit records {circuit.Channels.Count} noise channel(s), which the state-vector interpreter cannot run; use DensityMatrixSimulator or TrajectorySimulator, or circuit.WithoutChannels() for the ideal circuit.",
                nameof(circuit));
        }

        Circuit = circuit;
        Qubits = circuit.Qubits;
        WeightCount = circuit.WeightCount;
        InputCount = circuit.InputCount;
        _program = InstructionCompiler.Compile(circuit);
        GateCount = circuit.Gates.Count;
    }

    /// <summary>The circuit this interpreter runs.</summary>
    public Circuit Circuit { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of trainable weights a call takes.</summary>
    public int WeightCount { get; }

    /// <summary>Number of data inputs a call needs (more are allowed and ignored).</summary>
    public int InputCount { get; }

    /// <summary>Number of gates the circuit recorded when compiled.</summary>
    public int GateCount { get; }

    /// <summary>Number of primitive steps after compilation (Rot and U3 count three).</summary>
    internal int StepCount => _program.Length;

    /// <summary>Buffers for one thread; reuse them so calls allocate nothing.</summary>
    /// <param name="forGradients">Also allocate the adjoint method's second state now (otherwise on first use).</param>
    public SimulationWorkspace CreateWorkspace(bool forGradients = true) => new(Qubits, WeightCount, forGradients);

    /// <summary>Prepares the circuit's state from |0…0⟩ into <paramref name="state"/>.</summary>
    public void Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Validate(weights, inputs);
        if (state.Qubits != Qubits)
        {
            throw new ArgumentException($"The state has {state.Qubits} qubits; the circuit has {Qubits}.", nameof(state));
        }

        Run(weights, inputs, state, shiftedStep: -1, shift: 0);
    }

    /// <summary>⟨ψ(w, x)|O|ψ(w, x)⟩. The prepared state is left in <c>workspace.State</c>.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, SimulationWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        Run(weights, inputs, workspace.State, -1, 0);
        return observable.Expectation(workspace.State.Amplitudes);
    }

    /// <summary>Evaluates a circuit without data inputs.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, PauliSum observable, SimulationWorkspace workspace) =>
        Evaluate(weights, ReadOnlySpan<double>.Empty, observable, workspace);

    /// <summary>Runs the program from |0…0⟩, optionally with one step's angle shifted (parameter shift).</summary>
    internal void Run(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, StateVector state, int shiftedStep, double shift)
    {
        state.Reset();
        RunSteps(weights, inputs, state, 0, _program.Length, shiftedStep, shift);
    }

    /// <summary>
    /// Applies steps [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="state"/> as it stands. Running
    /// [0, k) and then [k, end) is bit-for-bit one full <see cref="Run"/>: the same kernels on the same values in the
    /// same order, which is what lets shifted runs start from a shared prefix.
    /// </summary>
    internal void RunSteps(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, StateVector state, int from, int to,
        int shiftedStep, double shift)
    {
        var amplitudes = state.Amplitudes;
        for (int k = from; k < to; k++)
        {
            ref readonly var ins = ref _program[k];
            double theta = ins.HasAngle ? ins.Angle.Evaluate(weights, inputs) : 0;
            if (k == shiftedStep)
            {
                theta += shift;
            }

            if (!double.IsFinite(theta))
            {
                // Finite weights and inputs can still overflow an affine angle (10·w with w = 1e308).
                throw NonFiniteAngle(ins, theta);
            }

            InstructionExecutor.Apply(ins, theta, amplitudes, inverse: false);
        }
    }

    private ArgumentException NonFiniteAngle(in Instruction ins, double theta) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"Gate {ins.GateIndex} ({Circuit.Gates[ins.GateIndex]}) has the angle {ins.Angle} = {theta}; every angle must be a finite number."),
        ins.Angle.Source == AngleSource.Input ? "inputs" : "weights");

    internal void CheckCall(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, SimulationWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(workspace);
        Validate(weights, inputs);
        if (workspace.Qubits != Qubits || workspace.ShiftedWeights.Length != WeightCount)
        {
            throw new ArgumentException(
                $"The workspace was made for another circuit ({workspace.Qubits} qubits); create it with this interpreter's CreateWorkspace().", nameof(workspace));
        }

        CircuitArguments.CheckObservable(observable, Qubits);
    }

    private void Validate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) =>
        CircuitArguments.Check(WeightCount, InputCount, weights, inputs);
}
