import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { PARTNERSHIP_QUERY } from '../graphql/queries/partnership.query.js';
import {
  PartnershipContext,
  defaultPartnership,
  documentTitle,
  readStoredPartnership,
  storePartnership,
  type PartnershipInfo,
} from '../partnership.js';

interface PartnershipProviderProps {
  children: ReactNode;
  /**
   * Shown instead of the children on a first visit, until the server answers (or fails to): dates
   * must not appear in the browser's zone and then jump to the partnership's.
   */
  fallback?: ReactNode;
}

/**
 * Loads Query.partnership once per Apollo session and gives it to the tree (usePartnership),
 * keeps the document title in step with the partnership's name, and remembers the settings for
 * the next visit. Until the server answers, the settings of the last visit (or the defaults) hold.
 */
export function PartnershipProvider({ children, fallback = null }: PartnershipProviderProps) {
  const [stored] = useState(readStoredPartnership);
  const { data, error } = useQuery(PARTNERSHIP_QUERY, { fetchPolicy: 'cache-and-network' });
  const fetched = data?.partnership;

  const info = useMemo<PartnershipInfo>(() => {
    if (!fetched) return stored ?? defaultPartnership();
    return {
      name: fetched.name,
      timeZone: fetched.timeZone,
      language: fetched.language,
      welcomeText: fetched.welcomeText ?? null,
      setupRequired: fetched.setupRequired,
      passwordResetByEmail: fetched.passwordResetByEmail,
      mapCenter: fetched.mapCenter ? { lat: fetched.mapCenter.lat, lng: fetched.mapCenter.lng } : null,
      mapZoom: fetched.mapZoom ?? null,
      tileUrl: fetched.tileUrl ?? null,
      known: true,
    };
  }, [fetched, stored]);

  useEffect(() => {
    if (fetched) storePartnership(info);
  }, [fetched, info]);

  useEffect(() => {
    document.title = documentTitle(info.name);
  }, [info.name]);

  if (!fetched && !stored && !error) return <>{fallback}</>;
  return <PartnershipContext.Provider value={info}>{children}</PartnershipContext.Provider>;
}
