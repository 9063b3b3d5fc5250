import { usePartnership } from '../features/partnership/partnership.js';

/** "Bridgeboard", and the partnership's name next to it once setup gave it one. */
export function AppBrand() {
  const { name } = usePartnership();
  return (
    <h1 className="app-header__title">
      <span className="app-header__product">Bridgeboard</span>
      {name.trim() && (
        <>
          {' '}
          <span className="app-header__separator" aria-hidden="true">
            ·
          </span>{' '}
          <span className="app-header__partnership">{name.trim()}</span>
        </>
      )}
    </h1>
  );
}
