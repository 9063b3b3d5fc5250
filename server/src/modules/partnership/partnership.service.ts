import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import { badInput } from '../../common/errors.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { Member } from '../members/member.entity.js';
import { PartnershipSettings } from './partnership.entity.js';
import {
  checkCoordinates,
  checkDisplayName,
  checkLanguage,
  checkTileUrl,
  checkTimeZone,
  checkWelcomeText,
  checkZoom,
} from './partnership.rules.js';
import type { Partnership, PartnershipSettingsInput } from './partnership.type.js';

/** What the board shows before setup has written the row. */
export const DEFAULT_SETTINGS = { name: '', timeZone: 'UTC', language: 'en' } as const;

const FIELD_WORDS: Record<keyof PartnershipSettingsInput, string> = {
  name: 'name',
  timeZone: 'time zone',
  language: 'language',
  mapCenter: 'map centre',
  mapZoom: 'map zoom',
  tileUrl: 'tile URL',
  welcomeText: 'welcome text',
};

/**
 * Reads and changes the partnership's settings (the single `partnership` row). Before setup there
 * is no row and the defaults apply; a coordinator created by the CLI gets one with their first
 * change. `setupRequired` is true until any coordinator exists, and never again after.
 */
export class PartnershipService {
  // Setup closes for good, so once a coordinator has been seen the count need not be repeated.
  private setupClosed = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
    private readonly options: { passwordResetByEmail: boolean },
  ) {}

  /** The settings as the public reads them. */
  async get(em: EntityManager): Promise<Partnership> {
    const row = await em.findOne(PartnershipSettings, { id: 1 });
    return this.view(row, !(await this.hasCoordinator(em)));
  }

  /** Whether any coordinator exists (deactivated ones included): then setup is closed. */
  async hasCoordinator(em: EntityManager): Promise<boolean> {
    if (this.setupClosed) return true;
    this.setupClosed = (await em.count(Member, { role: Role.COORDINATOR })) > 0;
    return this.setupClosed;
  }

  /** Changes only the fields given, validated first; writes SETTINGS_UPDATED for coordinators. */
  async update(viewer: MemberViewer, input: PartnershipSettingsInput): Promise<Partnership> {
    const changes = checkSettings(input);
    const row = await runChange(this.orm, this.bus, async (em, record) => {
      let row = await em.findOne(PartnershipSettings, { id: 1 });
      row ??= em.create(PartnershipSettings, { ...DEFAULT_SETTINGS });
      const changed = (Object.keys(changes) as (keyof PartnershipSettingsInput)[]).filter((key) =>
        apply(row!, key, changes),
      );
      if (changed.length === 0) return row;
      row.updatedAt = new Date();
      record({
        kind: ActivityKind.SETTINGS_UPDATED,
        visibility: ActivityVisibility.COORDINATORS,
        summary: `${viewer.name} changed the partnership's ${listOf(changed.map((key) => FIELD_WORDS[key]))}`,
        actor: viewer.memberPk,
        actorOrganization: viewer.organizationPk,
        snapshot: () => ({}),
      });
      return row;
    });
    return this.view(row, false);
  }

  private view(row: PartnershipSettings | null, setupRequired: boolean): Partnership {
    const center =
      row?.mapCenterLat != null && row.mapCenterLng != null ? { lat: row.mapCenterLat, lng: row.mapCenterLng } : null;
    return {
      name: row?.name ?? DEFAULT_SETTINGS.name,
      timeZone: row?.timeZone ?? DEFAULT_SETTINGS.timeZone,
      language: row?.language ?? DEFAULT_SETTINGS.language,
      mapCenter: center,
      mapZoom: row?.mapZoom ?? null,
      tileUrl: row?.tileUrl ?? null,
      welcomeText: row?.welcomeText ?? null,
      setupRequired,
      passwordResetByEmail: this.options.passwordResetByEmail,
    };
  }
}

type Checked = {
  name?: string;
  timeZone?: string;
  language?: string;
  mapCenter?: { lat: number; lng: number } | null;
  mapZoom?: number | null;
  tileUrl?: string | null;
  welcomeText?: string | null;
};

/** Every given field validated (BAD_USER_INPUT naming it) before anything is written. */
function checkSettings(input: PartnershipSettingsInput): Checked {
  const out: Checked = {};
  const required = (field: 'name' | 'timeZone' | 'language') => {
    if (input[field] === null) throw badInput(field, `${field} cannot be cleared; give a new value`);
    return input[field] !== undefined;
  };
  if (required('name')) out.name = checkDisplayName('name', input.name!);
  if (required('timeZone')) out.timeZone = checkTimeZone('timeZone', input.timeZone!);
  if (required('language')) out.language = checkLanguage('language', input.language!);
  if (input.mapCenter !== undefined) out.mapCenter = input.mapCenter && checkCoordinates('mapCenter', input.mapCenter);
  if (input.mapZoom !== undefined) out.mapZoom = input.mapZoom == null ? null : checkZoom('mapZoom', input.mapZoom);
  if (input.tileUrl !== undefined) out.tileUrl = input.tileUrl == null ? null : checkTileUrl('tileUrl', input.tileUrl);
  if (input.welcomeText !== undefined)
    out.welcomeText = input.welcomeText == null ? null : checkWelcomeText('welcomeText', input.welcomeText);
  return out;
}

/** Sets one checked field on the row; whether it changed anything. */
function apply(row: PartnershipSettings, key: keyof Checked, changes: Checked): boolean {
  if (key === 'mapCenter') {
    const next = changes.mapCenter ?? null;
    if (next?.lat === row.mapCenterLat && next?.lng === row.mapCenterLng) return false;
    if (next == null && row.mapCenterLat == null && row.mapCenterLng == null) return false;
    row.mapCenterLat = next?.lat ?? null;
    row.mapCenterLng = next?.lng ?? null;
    return true;
  }
  const next = changes[key] ?? null;
  if ((row[key] ?? null) === next) return false;
  Object.assign(row, { [key]: next });
  return true;
}

/** "a", "a and b", "a, b and c". */
export function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
