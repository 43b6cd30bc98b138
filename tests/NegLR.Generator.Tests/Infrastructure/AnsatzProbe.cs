using System;
using System.Numerics;
using System.Reflection;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>
/// Calls a generated ansatz loaded by reflection through <see cref="IAnsatz"/>'s static abstract members (spans cannot
/// cross reflection, so the generic methods here take arrays and are closed over the loaded type).
/// </summary>
internal static class AnsatzProbe
{
    public static Type Find(Assembly assembly, string typeName) =>
        assembly.GetType(typeName, throwOnError: true)!;

    public static T Call<T>(Type ansatz, string method, params object[] args) =>
        (T)typeof(AnsatzProbe).GetMethod(method, BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(ansatz).Invoke(null, args)!;

    /// <summary>Whether the generator wrote 128-bit twins of the ansatz's tile passes (its runners then take <c>bool wide</c>).</summary>
    public static bool HasNarrowTiles(Type ansatz) =>
        ansatz.GetMethod("__ForwardTiles", BindingFlags.Static | BindingFlags.NonPublic)?.GetParameters() is { } parameters
        && Array.Exists(parameters, p => p.Name == "wide" && p.ParameterType == typeof(bool));

    private static int Qubits<TA>() where TA : IAnsatz => TA.Qubits;

    private static int WeightCount<TA>() where TA : IAnsatz => TA.WeightCount;

    private static int InputCount<TA>() where TA : IAnsatz => TA.InputCount;

    private static Circuit CreateCircuit<TA>() where TA : IAnsatz => TA.CreateCircuit();

    private static PauliSum Cost<TA>() where TA : IAnsatz => TA.Cost;

    private static Complex[] Prepare<TA>(double[] w, double[] x) where TA : IAnsatz
    {
        var state = new Complex[TA.StateLength];
        TA.Prepare(w, x, state);
        return state;
    }

    private static double Evaluate<TA>(double[] w, double[] x) where TA : IAnsatz => TA.Evaluate(w, x, new Complex[TA.StateLength]);

    private static double[] Gradient<TA>(double[] w, double[] x) where TA : IAnsatz
    {
        var g = new double[TA.WeightCount];
        TA.EvaluateWithGradient(w, x, g, new Complex[TA.StateLength], new Complex[TA.StateLength]);
        return g;
    }

    /// <summary>Bytes allocated by 100 evaluations and gradients and one parameter-shift gradient after a warm-up (must be 0).</summary>
    private static long AllocatedPerCall<TA>(double[] w, double[] x) where TA : IAnsatz
    {
        var state = new Complex[TA.StateLength];
        var adjoint = new Complex[TA.StateLength];
        var g = new double[TA.WeightCount];
        TA.Evaluate(w, x, state);
        TA.EvaluateWithGradient(w, x, g, state, adjoint);
        var shift = (ShiftGradient)Delegate.CreateDelegate(typeof(ShiftGradient), typeof(TA).GetMethod(
            "ParameterShiftGradient", new[] { typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<double>), typeof(Span<double>), typeof(Span<Complex>) })!);
        shift(w, x, g, state);
        return AllocationMeter.Least(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                TA.Evaluate(w, x, state);
                TA.EvaluateWithGradient(w, x, g, state, adjoint);
            }

            // Generated code hands its forward pass to the Runtime's parameter-shift loop as a cached static delegate.
            shift(w, x, g, state);
        });
    }

    private delegate double ShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, Span<Complex> state);
}
