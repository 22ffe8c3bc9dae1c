import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `delay` ms: one autocomplete request per pause in typing, not per key. */
export function useDebouncedValue<Value>(value: Value, delay: number): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
