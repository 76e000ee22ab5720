using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Worker.Configuration;

/// <summary>
/// Checks, before binding, that every setting's value converts to its property's type the way the configuration binder
/// converts it (the type's <see cref="TypeConverter"/>, invariant culture). The binder drops a list item or dictionary
/// entry whose value it cannot convert, without a word (a route with <c>RemindAfter: 3 days</c> or <c>Mode: Parallel</c>
/// would vanish), so a wrong value is found here, under lists and dictionaries too, and reported with its key.
/// </summary>
internal static class SettingValues
{
    /// <summary>The first setting under <paramref name="section"/> whose value does not convert, as one line naming the key; null when all do.</summary>
    public static string? FirstWrong(IConfigurationSection section, Type type)
    {
        foreach (var child in section.GetChildren())
        {
            if (ChildType(type, child.Key) is not { } target) continue;
            if (IsLeaf(target))
            {
                if (child.Value is { } value && !Converts(target, value))
                    return $"{child.Path}: '{value}' {Expected(target)}";
            }
            else if (FirstWrong(child, target) is { } wrong) return wrong;
        }
        return null;
    }

    /// <summary>What a value of <paramref name="type"/> must look like, after the key and the value.</summary>
    public static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        { IsEnum: true } e when e.Assembly == typeof(SettingValues).Assembly => "must be " + Choice(Enum.GetNames(e)),
        { } t when t == typeof(StampPage) => StampPage.MustBe,
        { } t => "is not a valid " + Friendly(t),
    };

    // The binder converts the value of a type whose converter reads strings, and binds the children of any other type.
    private static bool IsLeaf(Type type) =>
        TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).CanConvertFrom(typeof(string));

    private static bool Converts(Type type, string value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && value.Length == 0) return true; // the binder leaves a nullable setting null for ""
        try
        {
            TypeDescriptor.GetConverter(underlying ?? type).ConvertFromInvariantString(value);
            return true;
        }
        // As the binder: whatever a converter throws means the value is refused.
        catch (Exception) { return false; }
    }

    // The type a child key binds to: a list's or dictionary's element, or a property of a class (case-insensitive, as the binder).
    private static Type? ChildType(Type type, string key)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)) return type.GetGenericArguments()[^1];
        return type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
    }

    private static string Choice(string[] names) => names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];

    // DayOfWeek first: an enum's type code is its underlying integer's, so the switch below would call it a whole number.
    private static string Friendly(Type type) => type == typeof(DayOfWeek) ? "day name (Monday ... Sunday)" : Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 or TypeCode.Int64 => "whole number",
        TypeCode.UInt32 or TypeCode.UInt64 => "whole number from 0",
        TypeCode.Double => "number",
        TypeCode.Boolean => "true/false value",
        _ when type == typeof(TimeSpan) => "time span (write d.hh:mm:ss: 2.00:00:00 is two days, 00:00:30 thirty seconds)",
        _ when type == typeof(TimeOnly) => "time of day (write hh:mm)",
        _ when type == typeof(DateOnly) => "date (write yyyy-MM-dd)",
        _ when type == typeof(DateTimeOffset) => "date and time (write yyyy-MM-ddTHH:mm:ss+08:00)",
        _ => type.Name,
    };
}
