using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Worker.Tests.Architecture;

namespace Worker.Tests.Hosting;

/// <summary>
/// Who adds middleware: read from the IL, each call of a Use*, Map or MapWhen on an application builder (endpoint Map*s take
/// a route builder and do not count). Only one method may order the pipeline.
/// </summary>
public static class PipelineSteps
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Each call among these types that adds middleware out of place: a step of these types called by anyone but
    /// <paramref name="orderer"/>, or a framework step called from a method not named Use*.
    /// </summary>
    public static List<string> Misplaced(IEnumerable<Type> types, MethodInfo orderer)
    {
        var scanned = types.ToList();
        var problems = new List<string>();
        foreach (var method in scanned.SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything))))
        {
            var caller = SourceName(method);
            var callerType = Owner(method.DeclaringType!);
            var isOrderer = caller == orderer.Name && callerType == orderer.DeclaringType;
            foreach (var step in FolderReferences.MembersUsedBy(method).OfType<MethodInfo>().Where(IsStep))
            {
                if (isOrderer || SameMethod(step, orderer)) continue;
                var ours = step.DeclaringType is { } d && scanned.Contains(Owner(d));
                if (ours) problems.Add($"{callerType.Name}.{caller} calls {step.DeclaringType!.Name}.{step.Name}; only {orderer.DeclaringType!.Name}.{orderer.Name} may");
                else if (!caller.StartsWith("Use", StringComparison.Ordinal))
                    problems.Add($"{callerType.Name}.{caller} adds middleware ({step.DeclaringType?.Name}.{step.Name}) but is no Use* step");
            }
        }
        return problems;
    }

    private static bool IsStep(MethodInfo m)
    {
        if (!(m.Name.StartsWith("Use", StringComparison.Ordinal) || m.Name is "Map" or "MapWhen")) return false;
        var target = m.IsStatic ? m.GetParameters().FirstOrDefault()?.ParameterType : m.DeclaringType;
        return target is not null && typeof(IApplicationBuilder).IsAssignableFrom(target);
    }

    private static bool SameMethod(MethodInfo a, MethodInfo b) => a.Module == b.Module && a.MetadataToken == b.MetadataToken;

    // The method as written in the source: a lambda <UseX>b__0_0, a local function <UseX>g__F|0_0 or a state machine <UseX>d__3 is UseX's.
    private static string SourceName(MethodBase m)
    {
        if (m.Name.StartsWith('<')) return m.Name[1..m.Name.IndexOf('>')];
        for (var t = m.DeclaringType; t is not null; t = t.DeclaringType)
            if (t.Name.StartsWith('<') && !t.Name.StartsWith("<>", StringComparison.Ordinal)) return t.Name[1..t.Name.IndexOf('>')];
        return m.Name;
    }

    // The type as written in the source, not a closure or state machine the compiler made inside it.
    private static Type Owner(Type type)
    {
        while (type.Name.StartsWith('<') && type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}
