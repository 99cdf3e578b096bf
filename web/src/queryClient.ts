// Server state: answers are cached by their key, an answer to an older request never overwrites a
// newer one, and every change the user makes marks all of it stale (a write changes figures
// everywhere: counts, statistics, reports), so what is on screen is fetched again.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});
