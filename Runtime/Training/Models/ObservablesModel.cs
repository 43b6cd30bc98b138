using System;
using System.Globalization;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// A runtime circuit measured with several observables at once, optionally with some weights frozen: what custom losses
/// of several observables and layerwise training run on. One circuit run gives every observable's value (exactly, or from
/// the run's shots split evenly over the observables); gradients of Σ_j c_j⟨O_j⟩ take one adjoint pass (seed
/// Σ_j c_j O_j|ψ⟩) or one set of shifted runs, skipping frozen weights' shifts.
/// </summary>
internal sealed class ObservablesModel
{
    private readonly CircuitInterpreter _interpreter;
    private readonly PauliSum[] _observables;
    private readonly SimulationWorkspace _workspace;
    private readonly StateVector _scratch;
    private readonly ShotEstimator[] _estimators;
    private readonly ShotWorkspace[]? _shotWorkspaces;
    private readonly bool[]? _trainable;

    public ObservablesModel(CircuitInterpreter interpreter, PauliSum[] observables, bool shots, bool[]? trainable)
    {
        _interpreter = interpreter;
        _observables = observables;
        _workspace = interpreter.CreateWorkspace();
        _scratch = new StateVector(interpreter.Qubits);
        _estimators = new ShotEstimator[observables.Length];
        int minimum = 0;
        for (int j = 0; j < observables.Length; j++)
        {
            _estimators[j] = new ShotEstimator(observables[j], interpreter.Qubits);
            minimum = Math.Max(minimum, _estimators[j].MinimumShots);
        }

        if (shots)
        {
            _shotWorkspaces = new ShotWorkspace[observables.Length];
            for (int j = 0; j < observables.Length; j++)
            {
                _shotWorkspaces[j] = _estimators[j].CreateWorkspace();
            }
        }

        if (trainable is not null && trainable.Length != interpreter.WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The trainable mask has {trainable.Length} entries; the circuit has {interpreter.WeightCount} weights."), nameof(trainable));
        }

        _trainable = trainable;
        MinimumShots = minimum * observables.Length;
        int runs = 0;
        foreach (var ins in interpreter.Program)
        {
            if (IsShifted(ins))
            {
                runs += ins.ShiftRule == ShiftRule.FourTerm ? 4 : 2;
            }
        }

        ParameterShiftRuns = runs;
    }

    public int OutputCount => _observables.Length;

    public int WeightCount => _interpreter.WeightCount;

    public int InputCount => _interpreter.InputCount;

    /// <summary>Shifted runs of one gradient (frozen weights' gates are not shifted).</summary>
    public int ParameterShiftRuns { get; }

    /// <summary>Fewest shots one evaluation accepts: every observable's share must cover its measurement groups.</summary>
    public int MinimumShots { get; }

    /// <summary>Whether weight <paramref name="w"/> is trained.</summary>
    public bool IsTrainable(int w) => _trainable is null || _trainable[w];

    /// <summary>Exact values of every observable; ψ is left in the workspace for <see cref="Backward"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        _interpreter.Run(weights, inputs, _workspace.State, -1, 0);
        Measure(_workspace.State, outputs);
    }

    /// <summary>
    /// Adds ∇ Σ_j c_j⟨O_j⟩ into <paramref name="gradient"/> by one adjoint pass; call right after <see cref="Evaluate"/> with
    /// the same weights and inputs. Frozen weights get 0.
    /// </summary>
    public void Backward(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ReadOnlySpan<double> coefficients, Span<double> gradient)
    {
        var psi = _workspace.State;
        var lambda = _workspace.Adjoint;
        lambda.Amplitudes.Clear();
        for (int j = 0; j < _observables.Length; j++)
        {
            if (coefficients[j] == 0)
            {
                continue;
            }

            _observables[j].Apply(psi.Amplitudes, _scratch.Amplitudes);
            var l = lambda.Amplitudes;
            var o = _scratch.Amplitudes;
            double c = coefficients[j];
            for (int i = 0; i < l.Length; i++)
            {
                l[i] += c * o[i];
            }
        }

        _interpreter.AdjointBackward(weights, inputs, psi, lambda, gradient);
        Mask(gradient);
    }

    /// <summary>Adds the parameter-shift gradient of Σ_j c_j⟨O_j⟩ (exact values) into <paramref name="gradient"/>.</summary>
    public void ShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ReadOnlySpan<double> coefficients, Span<double> gradient)
    {
        var program = _interpreter.Program;
        for (int k = 0; k < program.Length; k++)
        {
            ref readonly var ins = ref program[k];
            if (!IsShifted(ins))
            {
                continue;
            }

            var run = new CombinedRun(this, weights, inputs, coefficients);
            gradient[ins.Angle.Index] += ins.Angle.Scale * ShiftRules.Derivative(ref run, k, ins.ShiftRule);
        }
    }

    /// <summary>
    /// Shot estimates of every observable (the run's shots split evenly over them) and their standard errors; returns the
    /// shots spent.
    /// </summary>
    public long EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> outputs, Span<double> standardErrors)
    {
        _interpreter.Run(weights, inputs, _workspace.State, -1, 0);
        return Estimate(_workspace.State, shots, random, outputs, standardErrors);
    }

    /// <summary>
    /// Adds the parameter-shift gradient of Σ_j c_j⟨O_j⟩ with every shifted run estimated from <paramref name="shots"/>
    /// shots into <paramref name="gradient"/>; returns the shots spent.
    /// </summary>
    public long ShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ReadOnlySpan<double> coefficients,
        int shots, SeededRandom random, Span<double> gradient)
    {
        var program = _interpreter.Program;
        long used = 0;
        // The prefix state before the shifted step, advanced one trainable step at a time (as the interpreter's own shot
        // parameter shift does), so each shifted run simulates only the steps from its shift on.
        var prefix = _workspace.Adjoint;
        prefix.Reset();
        int prefixEnd = 0;
        Span<double> values = stackalloc double[_observables.Length];
        Span<double> errors = stackalloc double[_observables.Length];
        for (int k = 0; k < program.Length; k++)
        {
            ref readonly var ins = ref program[k];
            if (!IsShifted(ins))
            {
                continue;
            }

            _interpreter.RunSteps(weights, inputs, prefix, prefixEnd, k, -1, 0);
            prefixEnd = k;
            var run = new CombinedShotRun(this, weights, inputs, coefficients, shots, random, prefix, values, errors);
            gradient[ins.Angle.Index] += ins.Angle.Scale * ShiftRules.Derivative(ref run, k, ins.ShiftRule);
            used += run.Spent;
        }

        return used;
    }

    private bool IsShifted(in Instruction ins) => ins.IsTrainable && IsTrainable(ins.Angle.Index);

    private void Measure(StateVector state, Span<double> outputs)
    {
        for (int j = 0; j < _observables.Length; j++)
        {
            outputs[j] = _observables[j].Expectation(state.Amplitudes);
        }
    }

    private double Combined(StateVector state, ReadOnlySpan<double> coefficients)
    {
        double sum = 0;
        for (int j = 0; j < _observables.Length; j++)
        {
            if (coefficients[j] != 0)
            {
                sum += coefficients[j] * _observables[j].Expectation(state.Amplitudes);
            }
        }

        return sum;
    }

    private long Estimate(StateVector state, int shots, SeededRandom random, Span<double> outputs, Span<double> standardErrors)
    {
        int m = _observables.Length;
        long used = 0;
        for (int j = 0; j < m; j++)
        {
            int share = (shots / m) + (j < shots % m ? 1 : 0);
            var estimate = _estimators[j].Estimate(state.Amplitudes, share, random, _shotWorkspaces![j]);
            outputs[j] = estimate.Value;
            standardErrors[j] = estimate.StandardError;
            used += estimate.Shots;
        }

        return used;
    }

    private void Mask(Span<double> gradient)
    {
        if (_trainable is null)
        {
            return;
        }

        for (int w = 0; w < gradient.Length; w++)
        {
            if (!_trainable[w])
            {
                gradient[w] = 0;
            }
        }
    }

    /// <summary>Σ_j c_j⟨O_j⟩ with one step shifted, for the shift rules.</summary>
    private readonly ref struct CombinedRun(ObservablesModel model, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        ReadOnlySpan<double> coefficients) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;
        private readonly ReadOnlySpan<double> _coefficients = coefficients;

        public double Run(int step, double shift)
        {
            model._interpreter.Run(_weights, _inputs, model._workspace.State, step, shift);
            return model.Combined(model._workspace.State, _coefficients);
        }
    }

    /// <summary>
    /// Σ_j c_j⟨O_j⟩ estimated from shots with one step shifted, run from the prefix state before that step (only the
    /// steps from the shift on are simulated); counts the shots it spends.
    /// </summary>
    private ref struct CombinedShotRun(ObservablesModel model, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        ReadOnlySpan<double> coefficients, int shots, SeededRandom random, StateVector prefix, Span<double> values, Span<double> errors) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;
        private readonly ReadOnlySpan<double> _coefficients = coefficients;
        private readonly Span<double> _values = values;
        private readonly Span<double> _errors = errors;

        public long Spent { get; private set; }

        public double Run(int step, double shift)
        {
            var state = model._workspace.State;
            state.CopyFrom(prefix);
            model._interpreter.RunSteps(_weights, _inputs, state, step, model._interpreter.Program.Length, step, shift);
            Spent += model.Estimate(state, shots, random, _values, _errors);
            double sum = 0;
            for (int j = 0; j < _values.Length; j++)
            {
                sum += _coefficients[j] * _values[j];
            }

            return sum;
        }
    }
}
