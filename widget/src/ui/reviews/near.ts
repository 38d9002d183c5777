import { useEffect, useState } from 'preact/hooks';

/**
 * Whether `element` has come within a screen of the viewport yet (IntersectionObserver; at once without it). The
 * rating stars of a long listing and a reviews block far down the page ask the API only when they are about to be
 * seen: a listing of 48 products makes a dozen requests, not 48.
 */
export const useNear = (element: Element): boolean => {
  const [near, setNear] = useState(typeof IntersectionObserver != 'function');
  useEffect(() => {
    if (near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          setNear(true);
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return near;
};
