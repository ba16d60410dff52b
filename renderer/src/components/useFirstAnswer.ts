import { useEffect, useState } from 'react';
import type { Method, MethodInput, MethodOutput } from '../../../core/api/contract';
import { earlyValue, takeEarly } from '../api/client';

/**
 * The answer a menu click started and waited for before opening the page (see `warm` and AppShell): the page is
 * drawn once, with its rows, rather than empty and then again. Undefined when that answer is not in yet or failed;
 * the page then asks as usual and reports any failure itself.
 */
export function useFirstAnswer<M extends Method>(method: M, input: MethodInput<M>): MethodOutput<M> | undefined {
  // Read on the first drawing only: a later change of input is the page's own business.
  const [first] = useState(() => earlyValue(method, input));
  useEffect(() => {
    if (first) takeEarly(method, input);
    // Once, for the answer the page opened with.
  }, []);
  return first?.value;
}
