using System;
using System.Collections.Concurrent;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;

namespace NegLR.Experiments.Distributed;

/// <summary>
/// Estimated cost of one run, in amplitude updates (gate applications × 2^n), from what the run will simulate. It orders
/// the work (longest first, so parallel workers finish together) and balances shards. Only ratios matter.
/// <list type="bullet">
/// <item>Exact mode, gradient methods: each step is an adjoint gradient (about 3 passes over the circuit) per row, and
/// the budget allows budget/(R + 1) steps; Lookahead adds one trial pass per step.</item>
/// <item>Exact mode, SPSA: every evaluation of the budget is simulated (2 per step).</item>
/// <item>Shot modes: every evaluation of the budget is simulated (a state preparation per evaluation) and sampled
/// (about <see cref="SampleCostPerShot"/> units per shot).</item>
/// </list>
/// </summary>
internal sealed class CostModel
{
    /// <summary>Cost of drawing one shot, in amplitude updates (sampling is cheap next to state preparation).</summary>
    public const double SampleCostPerShot = 4;

    private readonly BenchmarkSizes _sizes;
    private readonly int _steps;
    private readonly ConcurrentDictionary<string, (double PassCost, int ShiftRuns, int Rows)> _shapes = new(StringComparer.Ordinal);

    public CostModel(int steps, BenchmarkSizes sizes)
    {
        _steps = steps;
        _sizes = sizes;
    }

    public double Estimate(Benchmark benchmark, RunKey key)
    {
        var (pass, shiftRuns, rows) = _shapes.GetOrAdd(benchmark.Id, _ =>
        {
            var instance = benchmark.Create(0, _sizes);
            var interpreter = new CircuitInterpreter(instance.Circuit);
            // A density matrix is a 2n-qubit vector (and every gate brings its channels): 2^n times a state vector's pass.
            double size = Math.Pow(2, benchmark.Qubits) * (instance.Noise is null ? 1 : 2 * Math.Pow(2, benchmark.Qubits));
            return (Math.Max(1, instance.Circuit.Gates.Count) * size, interpreter.ParameterShiftEvaluations(), instance.Rows);
        });
        double evaluations = (double)_steps * rows * (shiftRuns + 1);
        bool spsa = key.Optimizer == "spsa" || key.Optimizer.StartsWith("spsa@", StringComparison.Ordinal);
        if (key.Shots == 0)
        {
            if (spsa)
            {
                return evaluations * pass;
            }

            double passesPerStep = key.Optimizer.StartsWith("nlr", StringComparison.Ordinal) ? 4 : 3;
            return _steps * rows * passesPerStep * pass;
        }

        return evaluations * (pass + (SampleCostPerShot * key.Shots));
    }
}
