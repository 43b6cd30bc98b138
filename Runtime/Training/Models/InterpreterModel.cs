using System;

namespace NegLR;

/// <summary>A runtime <see cref="Circuit"/> run by the <see cref="CircuitInterpreter"/>, with its workspaces.</summary>
internal readonly struct InterpreterModel : IExpectationModel
{
    private readonly CircuitInterpreter _interpreter;
    private readonly PauliSum _observable;
    private readonly SimulationWorkspace _workspace;
    private readonly ShotEstimator _estimator;
    private readonly ShotWorkspace? _shotWorkspace;

    public InterpreterModel(CircuitInterpreter interpreter, PauliSum observable, bool shots)
    {
        _interpreter = interpreter;
        _observable = observable;
        _workspace = interpreter.CreateWorkspace();
        _estimator = new ShotEstimator(observable, interpreter.Qubits);
        _shotWorkspace = shots ? _estimator.CreateWorkspace() : null;
        ParameterShiftRuns = interpreter.ParameterShiftEvaluations();
    }

    public int WeightCount => _interpreter.WeightCount;

    public int InputCount => _interpreter.InputCount;

    public int ParameterShiftRuns { get; }

    public int MinimumShots => _estimator.MinimumShots;

    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) =>
        _interpreter.Evaluate(weights, inputs, _observable, _workspace);

    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _interpreter.EvaluateWithGradient(weights, inputs, _observable, gradient, _workspace);

    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _interpreter.ParameterShiftGradient(weights, inputs, _observable, gradient, _workspace);

    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random) =>
        _interpreter.EvaluateWithShots(weights, inputs, _estimator, shots, random, _workspace, _shotWorkspace!);

    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient) =>
        _interpreter.ParameterShiftGradientWithShots(weights, inputs, _estimator, shots, random, gradient, Span<double>.Empty,
            _workspace, _shotWorkspace!);
}
